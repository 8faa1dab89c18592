import { parseArgs } from 'node:util';
import { ConfigError, createLogger, locateDatabase, migrateDatabase } from '@jobgraph/kit';
import { findSubgraphs, repositoryRoot } from './find-subgraphs.ts';

/**
 * `npm run migrate [-- <subgraph>...]`: applies pending migrations to the
 * databases the environment names (as `npm start` would choose them), then
 * exits. An embedded database must not be in use by a running subgraph.
 */
const { positionals } = parseArgs({ allowPositionals: true });
const logger = createLogger('migrate');
const subgraphs = (await findSubgraphs()).filter(({ definition }) => positionals.length === 0 || positionals.includes(definition.name));
const unknown = positionals.filter((name) => !subgraphs.some(({ definition }) => definition.name === name));
if (unknown.length > 0) {
  logger.fatal(`Unknown subgraph "${unknown.join('", "')}"; name one of the folders under subgraphs/ that has a schema.`);
  process.exit(1);
}

try {
  for (const { definition } of subgraphs) {
    const location = locateDatabase(process.env, definition.name, `${process.env.DATA_DIR ?? `${repositoryRoot}.data`}/${definition.name}`);
    await migrateDatabase({ location, migrations: definition.migrations, logger: logger.child({ subgraph: definition.name }) });
    logger.info(`${definition.name}: migrations are up to date`);
  }
} catch (error) {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'migration failed');
  process.exit(1);
}
