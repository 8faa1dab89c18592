import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/errors/format-error.ts';
import { findDeepVariable, maxVariableNesting, rejectDeepVariablesPlugin } from '../src/graphql/reject-deep-variables.ts';
import { rejectNulCharactersPlugin } from '../src/graphql/reject-nul-characters.ts';

/** Returns `{ "a": { "a": ... 1 } }` with `levels` objects, built without recursion. */
function nestedObject(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('findDeepVariable', () => {
  it('accepts a value at the nesting limit', () => {
    expect(findDeepVariable({ filter: nestedObject(maxVariableNesting) }, maxVariableNesting)).toBeUndefined();
  });

  it('names a variable one level over the limit', () => {
    expect(findDeepVariable({ first: 10, filter: nestedObject(maxVariableNesting + 1) }, maxVariableNesting)).toBe('filter');
  });

  it('counts lists as levels', () => {
    let value: unknown = 'x';
    for (let level = 0; level < maxVariableNesting + 1; level += 1) value = [value];
    expect(findDeepVariable({ ids: value }, maxVariableNesting)).toBe('ids');
  });

  it('walks 10,000 levels without overflowing the stack', () => {
    expect(findDeepVariable({ filter: nestedObject(10_000) }, maxVariableNesting)).toBe('filter');
  });
});

describe('variable checks in Apollo Server', () => {
  let server: ApolloServer;

  beforeAll(async () => {
    server = new ApolloServer({
      typeDefs: 'scalar JSON\ntype Query { echo(value: JSON): Boolean }',
      resolvers: { Query: { echo: () => true } },
      formatError,
      plugins: [rejectDeepVariablesPlugin(), rejectNulCharactersPlugin()],
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function run(value: unknown) {
    const response = await server.executeOperation({ query: 'query ($value: JSON) { echo(value: $value) }', variables: { value } });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status, errors: result?.errors ?? [] };
  }

  it('rejects a variable nested 10,000 levels deep with BAD_USER_INPUT and HTTP 400', async () => {
    const { status, errors } = await run(nestedObject(10_000));
    expect(status).toBe(400);
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]?.message).toBe('Variable "$value" nests lists and objects more than 64 levels deep. Send a value with at most 64 levels.');
  });

  it('still finds a NUL character and names its path', async () => {
    const { status, errors } = await run({ list: ['fine', { text: 'a\u0000b' }] });
    expect(status).toBe(400);
    expect(errors[0]?.message).toBe('$.value.list[1].text contains a NUL character (U+0000), which text cannot hold; remove it and send the request again.');
  });

  it('finds the first NUL character in document order', async () => {
    const { errors } = await run({ first: 'a\u0000', second: 'b\u0000' });
    expect(errors[0]?.message).toMatch(/^\$\.value\.first contains a NUL character/);
  });

  it('walks a wide list without recursion', async () => {
    const { errors } = await run(Array.from({ length: 200_000 }, (_, index) => (index === 199_999 ? '\u0000' : 'x')));
    expect(errors[0]?.message).toMatch(/^\$\.value\[199999\] contains a NUL character/);
  });
});
