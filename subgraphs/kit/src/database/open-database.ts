import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type DatabaseConnection, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.ts';
import { redactUrl, type DatabaseLocation } from '../config/database-url.ts';
import { isBackgroundWork } from './background-work.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { keepText, parseInt8, typeOids } from './type-parsers.ts';

export interface StatementStats {
  statements: number;
  backgroundStatements: number;
}

/** An open database of one subgraph. */
export interface Database<DB> {
  readonly kysely: Kysely<DB>;
  readonly kind: 'pglite' | 'postgres';
  /**
   * Statements sent since the database was opened, the measure of SQL round
   * trips: `statements` for requests, `backgroundStatements` for the event
   * relay, consumers and outbox polling.
   */
  readonly stats: StatementStats;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly location: DatabaseLocation;
  readonly logger: Logger;
  /** The role that every application session switches to; set once the schema is migrated. */
  readonly sessionRole?: string;
  readonly maxConnections?: number;
}

/**
 * Opens the database at `location` through Kysely: PGlite in process, or a
 * `pg` pool on a server. A server database that does not exist yet is
 * created. An unreachable server raises a `ConfigError` naming the variable.
 */
export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<Database<DB>> {
  const stats: StatementStats = { statements: 0, backgroundStatements: 0 };
  const log = (event: LogEvent) => {
    if (isBackgroundWork()) stats.backgroundStatements += 1;
    else stats.statements += 1;
    if (event.level === 'error') {
      options.logger.debug({ err: event.error, durationMs: event.queryDurationMillis }, 'statement failed');
    }
  };
  return options.location.kind === 'pglite'
    ? openPGlite<DB>(options.location.dataDir, stats, log)
    : openPostgres<DB>(options.location, options, stats, log);
}

/**
 * Switches a session to `role`, so that row-level security applies to every
 * statement the application sends, also one that forgets its tenant filter.
 */
export async function setRole(connection: Pick<DatabaseConnection, 'executeQuery'>, role: string): Promise<void> {
  await connection.executeQuery(CompiledQuery.raw(`set role ${pg.escapeIdentifier(role)}`));
}

async function openPGlite<DB>(dataDir: string | undefined, stats: StatementStats, log: (event: LogEvent) => void): Promise<Database<DB>> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [typeOids.int8]: parseInt8, [typeOids.numeric]: keepText, [typeOids.date]: keepText },
  });
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
  return {
    kysely,
    kind: 'pglite',
    stats,
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres<DB>(
  location: Extract<DatabaseLocation, { kind: 'postgres' }>,
  options: OpenDatabaseOptions,
  stats: StatementStats,
  log: (event: LogEvent) => void,
): Promise<Database<DB>> {
  await createDatabaseIfMissing(location);
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === typeOids.int8) return parseInt8;
      if (oid === typeOids.numeric || oid === typeOids.date) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: location.url, max: options.maxConnections ?? 10, types });
  pool.on('error', (error) => options.logger.error({ err: error }, 'idle database connection failed'));
  const role = options.sessionRole;
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool,
      ...(role ? { onCreateConnection: (connection) => setRole(connection, role) } : {}),
    }),
    log,
  });
  return { kysely, kind: 'postgres', stats, close: () => kysely.destroy() };
}

/** Creates the database named in `location` when the server does not have it. */
async function createDatabaseIfMissing(location: Extract<DatabaseLocation, { kind: 'postgres' }>): Promise<void> {
  const target = new URL(location.url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const maintenance = new URL(location.url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(
      location.variable,
      `Cannot connect to the PostgreSQL server of ${location.variable} (${redactUrl(location.url)}): ${describe(error)}. Check that the server runs and the URL is right.`,
    );
  }
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // Another process created it between the check and here.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}
