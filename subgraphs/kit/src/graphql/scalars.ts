import { DateTimeResolver, EmailAddressResolver, JSONResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import { GraphQLScalarType, isScalarType, valueFromASTUntyped, type GraphQLSchema, type ValueNode } from 'graphql';
import { badUserInput } from '../errors/client-error.ts';
import { quoteValue } from '../errors/quote-value.ts';

/**
 * The years a `Date` or `DateTime` input may name. PostgreSQL has no year 0
 * and rejects "0000-01-01" as out of range, and JavaScript writes a year past
 * 9999 as "+010000", which is no longer the four-digit ISO 8601 form.
 */
const minYear = 1;
const maxYear = 9999;

/**
 * Parses a `DateTime` input to a `Date`. The year is checked in UTC, so
 * "0001-01-01T00:30:00+01:00", which is in year 0 in UTC, is out of range.
 */
function parseDateTime(value: unknown): Date {
  let parsed: Date;
  try {
    parsed = DateTimeResolver.parseValue(value) as Date;
  } catch {
    throw badUserInput(`DateTime ${describeInput(value)} is not a valid date-time. Give an ISO 8601 date-time with an offset, such as "2026-03-01T09:30:00Z".`);
  }
  const year = parsed.getUTCFullYear();
  if (year < minYear || year > maxYear) {
    throw badUserInput(`DateTime ${describeInput(value)} is out of range. Give a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC.`);
  }
  return parsed;
}

/** Parses a `Date` input, a `YYYY-MM-DD` string that stays a string. */
function parseDate(value: unknown): string {
  let parsed: string;
  try {
    parsed = LocalDateResolver.parseValue(value) as string;
  } catch {
    throw badUserInput(`Date ${describeInput(value)} is not a valid date. Give a calendar date as YYYY-MM-DD, such as "2026-03-01".`);
  }
  const year = Number(parsed.slice(0, 4));
  if (year < minYear || year > maxYear) {
    throw badUserInput(`Date ${describeInput(value)} is out of range. Give a date from 0001-01-01 to 9999-12-31.`);
  }
  return parsed;
}

function describeInput(value: unknown): string {
  if (typeof value === 'string') return `"${quoteValue(value)}"`;
  return quoteValue(JSON.stringify(value) ?? String(value));
}

/**
 * The custom scalars of the schema contract. `Date` is a calendar date that
 * travels as a `YYYY-MM-DD` string both ways, never as a JavaScript `Date`,
 * so no time zone can move it. `Date` and `DateTime` inputs must fall in the
 * years 0001 to 9999. `URL` is parsed to a string, not a URL object,
 * so resolvers store what they validate.
 */
export const scalarResolvers: Readonly<Record<string, GraphQLScalarType>> = {
  DateTime: new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    parseValue: parseDateTime,
    parseLiteral: (ast: ValueNode, variables) => parseDateTime(valueFromASTUntyped(ast, variables)),
  }),
  Date: new GraphQLScalarType({
    ...LocalDateResolver.toConfig(),
    name: 'Date',
    description: 'A calendar date, `YYYY-MM-DD`.',
    parseValue: parseDate,
    parseLiteral: (ast: ValueNode, variables) => parseDate(valueFromASTUntyped(ast, variables)),
  }),
  JSON: JSONResolver,
  URL: new GraphQLScalarType({
    ...URLResolver.toConfig(),
    parseValue: (value) => String(URLResolver.parseValue(value)),
    parseLiteral: (ast) => String(URLResolver.parseLiteral(ast, {})),
  }),
  EmailAddress: EmailAddressResolver,
};

/**
 * Gives the custom scalars of `schema` the input parsing of
 * `scalarResolvers`. A schema built from SDL alone, such as the gateway's,
 * accepts any value for a custom scalar. With this parsing, the gateway rejects
 * a bad `DateTime` or `URL` in validation and variable coercion, before it
 * plans the operation, as it rejects a bad `Int`. Output serialization is
 * left unchanged.
 */
export function applyScalarParsing(schema: GraphQLSchema): void {
  for (const [name, resolver] of Object.entries(scalarResolvers)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    type.parseValue = resolver.parseValue;
    type.parseLiteral = resolver.parseLiteral;
  }
}
