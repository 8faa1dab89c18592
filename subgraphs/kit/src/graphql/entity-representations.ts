import { getNamedType, isUnionType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { badUserInput } from '../errors/client-error.ts';
import { quoteValue } from '../errors/quote-value.ts';
import { isId } from './ids.ts';

/**
 * Checks the representations of `_entities` before the reference resolvers
 * see them. Anyone who reaches a subgraph can call `_entities`, so a
 * representation may contain anything.
 * - A representation that is not an object, or whose `__typename` names no
 *   entity type of the subgraph, is rejected with BAD_USER_INPUT.
 * - A representation whose `id` is missing or not a UUID resolves to null,
 *   as no entity has such an id. Every entity of jobgraph is keyed by an `id`
 *   of type `ID` that contains a UUID, and the loaders of some subgraphs pass ids
 *   to PostgreSQL's `uuid` type as they are.
 *
 * Call it on the schema that `buildSubgraphSchema` returns. It replaces the
 * resolver of `Query._entities` in place.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return;
  const entityTypes = new Map(entityUnion.getTypes().map((type) => [type.name, type]));
  const resolveEntities = field.resolve;

  field.resolve = async (source, args: { readonly representations: readonly unknown[] }, context, info) => {
    const { representations } = args;
    const resolvable = representations.map((representation, index) => hasUuidId(representation, entityTypeOf(representation, index, entityTypes)));
    const passed = representations.filter((_, index) => resolvable[index]);
    const resolved = (await resolveEntities(source, { ...args, representations: passed }, context, info)) as readonly unknown[];
    let next = 0;
    return representations.map((_, index) => (resolvable[index] ? resolved[next++] : null));
  };
}

function entityTypeOf(representation: unknown, index: number, entityTypes: ReadonlyMap<string, GraphQLObjectType>): GraphQLObjectType {
  const names = [...entityTypes.keys()];
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    throw badUserInput(`representations[${index}] is not an object. Send objects such as { "__typename": "${names[0]}", "id": "<uuid>" }.`, {
      argument: 'representations',
    });
  }
  const typename: unknown = (representation as { __typename?: unknown }).__typename;
  const type = typeof typename === 'string' ? entityTypes.get(typename) : undefined;
  if (type) return type;
  const problem = typename === undefined ? 'has no __typename' : `has __typename ${describeTypename(typename)}, which is no entity type of this subgraph`;
  throw badUserInput(`representations[${index}] ${problem}. Use one of ${names.join(', ')}.`, { argument: 'representations' });
}

function describeTypename(typename: unknown): string {
  return typeof typename === 'string' ? `"${quoteValue(typename)}"` : quoteValue(JSON.stringify(typename) ?? String(typename));
}

function hasUuidId(representation: unknown, type: GraphQLObjectType): boolean {
  const idField = type.getFields().id;
  if (!idField || getNamedType(idField.type).name !== 'ID') return true;
  const id: unknown = (representation as { id?: unknown }).id;
  return typeof id === 'string' && isId(id);
}
