import { spawn, type ChildProcess } from 'node:child_process';
import { ConfigError, createProcessLogger } from '@jobgraph/kit';
import { parseCommandLine } from './command-line.ts';
import { findSubgraphs, repositoryRoot } from './find-subgraphs.ts';
import { importIntoDemo } from './import/import-into-demo.ts';
import { readStartConfig } from './start-config.ts';

/**
 * `npm start`: runs every subgraph as its own process, waits until each one
 * answers `/health`, then runs the gateway. With no configuration every
 * subgraph uses an embedded PostgreSQL under `.data/` and the demo tenant.
 * Ctrl-C (or SIGTERM) stops every process; so does the exit of any one.
 * `npm start -- --import <file.csv>` then imports a CSV file of jobs (such as
 * the NYC Jobs data set) into the demo tenant.
 */
const usage = `Usage: npm start [-- --import <file.csv>]

Runs every subgraph and then the gateway; Ctrl-C stops them. The variables
in the README's configuration table set ports, databases and more.

Options:
  --import <file.csv>  Imports a CSV file of jobs into the demo tenant once the services are up.
  -h, --help           Prints this help.`;
const { values } = parseCommandLine({ options: { import: { type: 'string' } } }, usage);
const logger = createProcessLogger('jobgraph');
const startupTimeoutMs = 90_000;
const children = new Set<ChildProcess>();
let stopping = false;

function run(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: repositoryRoot, env, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    logger.error({ service: name, code, signal }, `${name} exited; stopping the other services`);
    void stopAll(1);
  });
  return child;
}

async function waitUntilHealthy(name: string, healthUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || stopping) throw new Error(`${name} stopped before it became healthy`);
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not respond at ${healthUrl} within ${startupTimeoutMs / 1000} s; see its log lines above.`);
}

/**
 * Stops every service and exits. `signalled` says the services received the
 * signal themselves, as on Ctrl-C, which the terminal sends to the whole
 * process group: they are then given time to stop before SIGTERM, since a
 * second signal makes a service exit at once, skipping its clean stop.
 */
async function stopAll(exitCode: number, signalled = false): Promise<never> {
  stopping = true;
  const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const terminate = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  const terminating = signalled ? setTimeout(terminate, 5_000) : undefined;
  if (!signalled) terminate();
  const forced = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 15_000);
  await Promise.all(exits);
  clearTimeout(terminating);
  clearTimeout(forced);
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0, true));
process.on('SIGTERM', () => void stopAll(0));

// npm runs this script through a shell that does not pass SIGTERM on; when npm itself is killed, this process is orphaned and stops too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) {
    logger.info('the parent process exited; stopping every service');
    void stopAll(0);
  }
}, 1_000).unref();

try {
  const subgraphs = await findSubgraphs();
  const { subgraphPorts, subgraphUrls, gatewayPort } = readStartConfig(process.env, subgraphs.map(({ definition }) => definition));
  const env = { ...process.env, ...subgraphUrls };

  await Promise.all(
    subgraphs.map(async ({ directory, definition }) => {
      const child = run(definition.name, `${directory}/src/index.ts`, env);
      await waitUntilHealthy(definition.name, `http://localhost:${subgraphPorts.get(definition.name)}/health`, child);
    }),
  );

  const gateway = run('gateway', `${repositoryRoot}gateway/src/index.ts`, { ...env, DEFAULT_TENANT: process.env.DEFAULT_TENANT ?? 'demo' });
  await waitUntilHealthy('gateway', `http://localhost:${gatewayPort}/health`, gateway);
  logger.info(
    `jobgraph is ready: GraphQL at http://localhost:${gatewayPort}/graphql, playground at http://localhost:${gatewayPort}/ (tenant "demo" unless X-Tenant names another). Ctrl-C stops it.`,
  );
  if (values.import) await importIntoDemo(values.import, `http://localhost:${gatewayPort}/graphql`, logger);
} catch (error) {
  if (!stopping) {
    logger.fatal(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}
