import { DateTimeResolver, EmailAddressResolver, JSONResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/**
 * The custom scalars of the schema contract. `Date` is a calendar date that
 * travels as a `YYYY-MM-DD` string both ways, never as a JavaScript `Date`,
 * so no time zone can move it. `URL` is parsed to a string, not a URL object,
 * so resolvers store what they validate.
 */
export const scalarResolvers: Readonly<Record<string, GraphQLScalarType>> = {
  DateTime: DateTimeResolver,
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date', description: 'A calendar date, `YYYY-MM-DD`.' }),
  JSON: JSONResolver,
  URL: new GraphQLScalarType({
    ...URLResolver.toConfig(),
    parseValue: (value) => String(URLResolver.parseValue(value)),
    parseLiteral: (ast) => String(URLResolver.parseLiteral(ast, {})),
  }),
  EmailAddress: EmailAddressResolver,
};
