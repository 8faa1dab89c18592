import { ConfigError } from '../config/config-error.ts';
import { createProcessLogger } from '../logger.ts';
import { startSubgraph, type RunningSubgraph } from './start-subgraph.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/**
 * Runs a subgraph as a process: starts it, stops it cleanly on SIGINT or
 * SIGTERM, and turns a configuration error into one line and exit code 1.
 */
export async function runSubgraph<DB, Loaders, Services>(definition: SubgraphDefinition<DB, Loaders, Services>): Promise<void> {
  const logger = createProcessLogger(definition.name);
  let running: RunningSubgraph<DB>;
  try {
    running = await startSubgraph(definition, { logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal(`${definition.name} subgraph cannot start: ${error.message}`);
    } else {
      logger.fatal({ err: error }, `${definition.name} subgraph cannot start`);
    }
    logger.flush();
    process.exitCode = 1;
    return;
  }
  stopOnSignal(() => running.stop(), logger);
}

/** Calls `stop` on the first SIGINT or SIGTERM, and exits at once on a second one. */
export function stopOnSignal(stop: () => Promise<void>, logger: { error: (object: object, message: string) => void }): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error, signal }, 'stopping failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
