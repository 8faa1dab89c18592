import { describe, expect, it } from 'vitest';
import { checkDocumentSource, maxDocumentNesting } from '../src/graphql/document-source-limits.ts';

const limits = { maxTokens: 2_000, maxNesting: maxDocumentNesting };

/** Builds a query whose `categoryIds` argument nests `depth` lists. The query itself adds 3 levels. */
function nestedListQuery(depth: number): string {
  return `{ jobs(filter: { categoryIds: ${'['.repeat(depth)}${']'.repeat(depth)} }) { totalCount } }`;
}

describe('checkDocumentSource', () => {
  it('accepts a document at the nesting limit', () => {
    expect(checkDocumentSource(nestedListQuery(maxDocumentNesting - 3), limits)).toBeUndefined();
  });

  it('rejects a document one level over the nesting limit, naming where', () => {
    expect(checkDocumentSource(nestedListQuery(maxDocumentNesting - 2), limits)).toBe(
      'Operation rejected: Nesting limit of 64 brackets, braces and parentheses exceeded at line 1, column 92. ' +
        'Ask for less in one operation (fewer aliases, less nesting, smaller pages) or split it into several requests.',
    );
  });

  it('rejects 3,000 nested lists without overflowing the stack', () => {
    expect(checkDocumentSource(nestedListQuery(3_000), { maxTokens: 10_000, maxNesting: maxDocumentNesting })).toMatch(/^Operation rejected: Nesting limit of 64/);
  });

  it('counts nesting across lines', () => {
    const source = `{\n${'  a {\n'.repeat(70)}${'}'.repeat(71)}`;
    expect(checkDocumentSource(source, limits)).toContain('exceeded at line 65, column 5.');
  });

  it('ignores brackets in strings, block strings and comments', () => {
    const brackets = '['.repeat(200);
    const source = `# ${brackets}\n{ search(query: "${brackets}") { totalCount } other: search(query: """${brackets}""") { totalCount } }`;
    expect(checkDocumentSource(source, limits)).toBeUndefined();
  });

  it('allows nesting again after brackets close', () => {
    const sibling = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(checkDocumentSource(`{ f(a: ${sibling}, b: ${sibling}) }`, limits)).toBeUndefined();
  });

  it('rejects a document over the token limit', () => {
    const aliases = Array.from({ length: 700 }, (_, index) => `a${index}: __typename`).join(' ');
    expect(checkDocumentSource(`{ ${aliases} }`, limits)).toBe(
      'Operation rejected: Token limit of 2000 exceeded. Ask for less in one operation (fewer aliases, less nesting, smaller pages) or split it into several requests.',
    );
  });

  it('accepts a document at the token limit', () => {
    // 2 braces and 3 tokens per alias (name, colon, field): 2,000 tokens in all.
    const aliases = Array.from({ length: 666 }, (_, index) => `a${index}: __typename`).join(' ');
    expect(checkDocumentSource(`{ ${aliases} }`, limits)).toBeUndefined();
  });

  it('leaves a lexical error to the parser', () => {
    expect(checkDocumentSource('{ jobs(filter: { location: "unterminated }) }', limits)).toBeUndefined();
    expect(checkDocumentSource('{ jobs(first: ) }', limits)).toBeUndefined();
  });
});
