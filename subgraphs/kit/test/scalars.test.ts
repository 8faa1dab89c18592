import { buildSchema, graphql, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyScalarParsing, scalarResolvers } from '../src/graphql/scalars.ts';

const dateTime = scalarResolvers.DateTime as GraphQLScalarType;
const date = scalarResolvers.Date as GraphQLScalarType;

const schemaSdl = /* GraphQL */ `
  scalar DateTime
  scalar Date
  type Query {
    after(at: DateTime): Boolean
    on(day: Date): Boolean
  }
`;

/** Runs `source` against a schema built from `schemaSdl`, with or without the kit's scalar parsing, and returns the error messages. */
async function errorsOf(source: string, variableValues: Record<string, unknown> = {}, withParsing = true): Promise<string[]> {
  const schema = buildSchema(schemaSdl);
  if (withParsing) applyScalarParsing(schema);
  const result = await graphql({ schema, source, variableValues, rootValue: { after: () => true, on: () => true } });
  return (result.errors ?? []).map((error) => error.message);
}

function thrownBy(run: () => unknown): { extensions?: { code?: unknown } } | undefined {
  try {
    run();
  } catch (error) {
    return error as { extensions?: { code?: unknown } };
  }
  return undefined;
}

describe('DateTime', () => {
  it.each(['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-01T09:30:00+02:00'])('accepts %s', (value) => {
    expect(dateTime.parseValue(value)).toEqual(new Date(value));
  });

  it.each(['0000-01-01T00:00:00Z', '0000-12-31T23:59:59Z'])('rejects %s in year 0000', (value) => {
    expect(() => dateTime.parseValue(value)).toThrow(`DateTime "${value}" is out of range. Give a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC.`);
  });

  it('checks the year in UTC, after the offset', () => {
    expect(() => dateTime.parseValue('0001-01-01T00:30:00+01:00')).toThrow('DateTime "0001-01-01T00:30:00+01:00" is out of range.');
    expect(() => dateTime.parseValue('9999-12-31T23:30:00-01:00')).toThrow('DateTime "9999-12-31T23:30:00-01:00" is out of range.');
  });

  it('rejects an impossible date with BAD_USER_INPUT', () => {
    expect(() => dateTime.parseValue('2027-02-30T00:00:00Z')).toThrow(
      'DateTime "2027-02-30T00:00:00Z" is not a valid date-time. Give an ISO 8601 date-time with an offset, such as "2026-03-01T09:30:00Z".',
    );
    expect(thrownBy(() => dateTime.parseValue('2027-02-30T00:00:00Z'))?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a literal in year 0000', async () => {
    expect(await errorsOf('{ after(at: "0000-06-01T00:00:00Z") }')).toEqual([
      'DateTime "0000-06-01T00:00:00Z" is out of range. Give a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC.',
    ]);
  });

  it('rejects a literal that is not a string', async () => {
    expect(await errorsOf('{ after(at: 20260301) }')).toEqual([
      'DateTime 20260301 is not a valid date-time. Give an ISO 8601 date-time with an offset, such as "2026-03-01T09:30:00Z".',
    ]);
  });
});

describe('Date', () => {
  it.each(['0001-01-01', '9999-12-31', '2024-02-29'])('accepts %s as the same string', (value) => {
    expect(date.parseValue(value)).toBe(value);
  });

  it('rejects year 0000', () => {
    expect(() => date.parseValue('0000-01-01')).toThrow('Date "0000-01-01" is out of range. Give a date from 0001-01-01 to 9999-12-31.');
  });

  it.each(['2027-02-30', '2026-3-1', '+10000-01-01'])('rejects %s as invalid', (value) => {
    expect(() => date.parseValue(value)).toThrow(`Date "${value}" is not a valid date. Give a calendar date as YYYY-MM-DD, such as "2026-03-01".`);
  });

  it('rejects a variable in year 0000', async () => {
    expect(await errorsOf('query ($day: Date) { on(day: $day) }', { day: '0000-01-01' })).toEqual([
      'Variable "$day" got invalid value "0000-01-01"; Date "0000-01-01" is out of range. Give a date from 0001-01-01 to 9999-12-31.',
    ]);
  });
});

describe('applyScalarParsing', () => {
  it('makes a schema built from SDL reject what the subgraphs reject', async () => {
    const document = 'query ($at: DateTime) { after(at: $at) }';
    expect(await errorsOf(document, { at: '0000-01-01T00:00:00Z' }, false)).toEqual([]);
    expect(await errorsOf(document, { at: '0000-01-01T00:00:00Z' })).toHaveLength(1);
  });
});
