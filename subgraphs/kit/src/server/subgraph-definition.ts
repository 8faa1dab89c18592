import type { Router } from 'express';
import type { GraphQLFieldResolver, GraphQLScalarType } from 'graphql';
import type { JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import type { RequestContext, Tenant, Viewer } from '../context/request-context.ts';
import type { TenantDirectory } from '../context/tenant-directory.ts';
import type { Migrations } from '../database/migrate.ts';
import type { ConsumerDefinition } from '../events/consumer-definition.ts';

/** The inputs of a subgraph's DataLoaders, built once per request. */
export interface LoaderScope<DB> {
  readonly db: Kysely<DB>;
  readonly tenant: Tenant | null;
  readonly viewer: Viewer | null;
}

type FieldResolver<Context> = GraphQLFieldResolver<any, Context, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Resolvers by type and field, in the shape `buildSubgraphSchema` takes; `__resolveReference` included. */
export type Resolvers<Context> = Record<string, Record<string, FieldResolver<Context> | string | number> | GraphQLScalarType>;

/** The inputs a subgraph builds its long-lived services from, once at start. */
export interface ServiceSetup<DB> {
  readonly db: Kysely<DB>;
  readonly logger: Logger;
  readonly env: Env;
  /** The embedded database's folder, beside which a subgraph may keep files; undefined for a server or an in-memory database. */
  readonly dataDir: string | undefined;
}

/**
 * Everything that makes one subgraph: its schema, resolvers, migrations and
 * loaders. A package exports one from `src/subgraph.ts`; `src/index.ts` runs
 * it, `npm start` finds it, and `npm run compose` reads its `typeDefs`.
 */
export interface SubgraphDefinition<DB = unknown, Loaders = unknown, Services = unknown> {
  /** The subgraph's name in the supergraph and the prefix of its variables (`jobs` reads `JOBS_PORT`). */
  readonly name: string;
  readonly defaultPort: number;
  /** The subgraph's SDL, from `src/schema.graphql`. */
  readonly typeDefs: string;
  readonly resolvers: Resolvers<RequestContext<DB, Loaders, Services>>;
  readonly migrations: Migrations;
  createLoaders(scope: LoaderScope<DB>): Loaders;
  /** Loads the demo tenant's data; runs at every start with demo data on, so it must be idempotent. */
  seedDemo?(db: Kysely<DB>, logger: Logger): Promise<void>;
  /** Creates what lives as long as the subgraph, such as signing keys; resolvers reach it as `ctx.services`. */
  createServices?(setup: ServiceSetup<DB>): Promise<Services>;
  /**
   * Returns the keys that verify access tokens. By default they are the users
   * subgraph's JWKS, fetched over HTTP; the users subgraph signs the tokens
   * and passes its own keys.
   */
  accessTokenKeys?(services: Services): JWTVerifyGetKey;
  /** Adds HTTP routes beside `/graphql` and `/health`. */
  routes?(router: Router, services: { readonly db: Kysely<DB>; readonly logger: Logger; readonly services: Services }): void;
  /** Overrides how tenant slugs are found; the users subgraph reads its own table. */
  tenantDirectory?(db: Kysely<DB>): TenantDirectory;
  /** The event consumers the subgraph runs: started once its database is ready, stopped before it closes, and shown on `/health`. */
  readonly consumers?: readonly ConsumerDefinition<DB>[];
}

/** Declares a subgraph with its types checked. */
export function defineSubgraph<DB, Loaders, Services = unknown>(definition: SubgraphDefinition<DB, Loaders, Services>): SubgraphDefinition<DB, Loaders, Services> {
  return definition;
}
