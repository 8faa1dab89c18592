import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Distinct operation names that get a label of their own; later names are counted as "other". */
const maxOperationLabels = 200;

/** The gateway's Prometheus metrics, served at `/metrics`. */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly plugin: ApolloServerPlugin;
}

/**
 * Creates the metrics: request count and duration by operation name and
 * outcome (`ok` or the first error code), and Node's process metrics.
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'jobgraph_graphql_requests_total',
    help: 'GraphQL requests handled by the gateway, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'jobgraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, in seconds.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  // Operation names are chosen by clients, so the label set is bounded: the first names seen keep their own label, the rest share one.
  const labelled = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (labelled.has(name)) return name;
    if (labelled.size >= maxOperationLabels || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    labelled.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(operationName);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          requests.inc({ operation, outcome: errors?.length ? String(code ?? 'error') : 'ok' });
          stopTimer({ operation });
        },
      };
    },
  };
  return { registry, plugin };
}
