import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badUserInput, decodeCursor, encodeCursor, errorCodes, formatError, isClientError, parseId, parsePageArgs } from '../src/index.ts';

describe('formatError', () => {
  it('passes an error with a code from the table unchanged', () => {
    const error = badUserInput('Title "" is empty; give the job a title.');
    expect(formatError({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }, error)).toEqual({
      message: 'Title "" is empty; give the job a title.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('hides the message and stack of an unexpected error', () => {
    const error = new Error('relation "jobs" does not exist at character 15');
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:1'] } }, error);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('relation');
  });

  it('hides a GraphQLError whose code is not in the table', () => {
    const error = new GraphQLError('duplicate key value violates unique constraint', { extensions: { code: 'DATABASE_ERROR' } });
    expect(formatError({ message: error.message, extensions: { code: 'DATABASE_ERROR' } }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('reports a validation failure as BAD_USER_INPUT with the reason', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error)).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides the text of an exception the parser raised', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    const wrapped = new GraphQLError(overflow.message, { originalError: overflow });
    const error = new GraphQLError(overflow.message, { originalError: wrapped, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const formatted = formatError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error);
    expect(formatted).toEqual({
      message: 'The document could not be parsed. Check its syntax, nest lists, input objects and selection sets less deeply, and send it again.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(isClientError(error)).toBe(false);
  });

  it('passes the message of a syntax error', () => {
    const syntaxError = new GraphQLError('Syntax Error: Unexpected ")".');
    const error = new GraphQLError(syntaxError.message, { originalError: syntaxError, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error)).toEqual({
      message: 'Syntax Error: Unexpected ")".',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('describes every code of the table', () => {
    expect(Object.keys(errorCodes)).toEqual([
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'CONFLICT',
      'RATE_LIMITED',
      'INTERNAL_SERVER_ERROR',
    ]);
  });
});

describe('cursors', () => {
  it('round-trips a cursor', () => {
    const cursor = { key: '2026-01-01T00:00:00.000Z', id: '0193a000-0000-7000-8000-000000000301' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['garbage', Buffer.from('c1:[1]').toString('base64url'), Buffer.from('c1:[{"a":1},"x"]').toString('base64url')])(
    'rejects the tampered cursor %s',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(`Cursor "${value}" is invalid`);
    },
  );
});

describe('parsePageArgs', () => {
  it('rejects first above the maximum instead of cutting the page', () => {
    expect(() => parsePageArgs({ first: 101 })).toThrow('first: 101 is out of range; ask for 0 to 100 items');
  });

  it('rejects a negative first', () => {
    expect(() => parsePageArgs({ first: -1 })).toThrow('first: -1 is out of range');
  });

  it('fetches one row more than the page', () => {
    expect(parsePageArgs({ first: 10 })).toEqual({ first: 10, limit: 11, after: null });
  });
});

describe('parseId', () => {
  it('rejects a value that is not a UUID', () => {
    expect(() => parseId('42', 'id')).toThrow('id "42" is not a valid id');
  });
});

describe('docs/errors.md', () => {
  it('matches the error code table', async () => {
    const { readFile } = await import('node:fs/promises');
    const { renderErrorsDoc } = await import('../src/index.ts');
    const committed = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    expect(committed, 'docs/errors.md is stale: run "npm run docs:errors"').toBe(renderErrorsDoc());
  });
});
