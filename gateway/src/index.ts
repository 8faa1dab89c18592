import { ConfigError, createProcessLogger, readOperationLimits, stopOnSignal } from '@jobgraph/kit';
import { readGatewayConfig } from './gateway-config.ts';
import { startGateway } from './start-gateway.ts';

const logger = createProcessLogger('gateway');
try {
  const gateway = await startGateway({ config: readGatewayConfig(process.env), limits: readOperationLimits(process.env), logger });
  stopOnSignal(() => gateway.stop(), logger);
} catch (error) {
  if (error instanceof ConfigError) logger.fatal(`gateway cannot start: ${error.message}`);
  else logger.fatal({ err: error }, 'gateway cannot start');
  process.exitCode = 1;
}
