import { ConfigError, createLogger, locateDatabase, migrateDatabase } from '@jobgraph/kit';
import { exitWithUsageError, parseCommandLine } from './command-line.ts';
import { findSubgraphs, repositoryRoot } from './find-subgraphs.ts';

/**
 * `npm run migrate [-- <subgraph>...]`: applies pending migrations to the
 * databases the environment names (as `npm start` would choose them), then
 * exits. An embedded database must not be in use by a running subgraph.
 */
const usage = `Usage: npm run migrate [-- <subgraph>...]

Applies pending migrations to the database of each named subgraph, or of
every subgraph when none is named, and exits.

Options:
  -h, --help  Prints this help.`;
const { positionals } = parseCommandLine({ allowPositionals: true }, usage);
const logger = createLogger('migrate');
const allSubgraphs = await findSubgraphs();
const subgraphs = allSubgraphs.filter(({ definition }) => positionals.length === 0 || positionals.includes(definition.name));
const unknown = positionals.filter((name) => !subgraphs.some(({ definition }) => definition.name === name));
if (unknown.length > 0) {
  const known = allSubgraphs.map(({ definition }) => definition.name).join(', ');
  exitWithUsageError(`Unknown subgraph "${unknown.join('", "')}"; name one of ${known}.`, usage);
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
