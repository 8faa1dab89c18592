export { readGatewayConfig, type GatewayConfig } from './gateway-config.ts';
export type { GatewayContext } from './gateway-context.ts';
export { startGateway, type RunningGateway, type StartGatewayOptions } from './start-gateway.ts';
export { readOperationLimits, type OperationLimits } from '@jobgraph/kit';
