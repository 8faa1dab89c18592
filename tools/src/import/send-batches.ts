import type { JobImportInput } from './job-import-input.ts';

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

export interface ImportItemResult {
  readonly index: number;
  readonly externalId: string | null;
  readonly outcome: ImportOutcome;
  readonly reason: string | null;
}

/** Raised when the gateway refuses a batch as a whole: bad token, wrong role, unreachable server. */
export class ImportRequestError extends Error {
  override readonly name: string = 'ImportRequestError';
}

/** Raised when the gateway has no tenant with the slug that the request names. */
export class TenantNotFoundError extends ImportRequestError {
  override readonly name = 'TenantNotFoundError';

  constructor(
    readonly tenant: string,
    readonly gatewayUrl: string,
  ) {
    super(`Tenant "${tenant}" does not exist on the gateway at ${gatewayUrl}.`);
  }
}

const importMutation = /* GraphQL */ `
  mutation ImportJobs($input: ImportJobsInput!) {
    importJobs(input: $input) {
      results { index externalId outcome reason }
    }
  }
`;

export interface SendBatchOptions {
  readonly gatewayUrl: string;
  readonly tenant: string;
  readonly token: string;
}

/** Sends one batch to `importJobs` through the gateway and returns one result per job, in order. */
export async function sendBatch(jobs: readonly JobImportInput[], options: SendBatchOptions): Promise<ImportItemResult[]> {
  let response: Response;
  try {
    response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}`, 'x-tenant': options.tenant },
      body: JSON.stringify({ query: importMutation, variables: { input: { jobs } } }),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new ImportRequestError(`Cannot reach the gateway at ${options.gatewayUrl} (${(error as Error).message}); start it or pass --gateway.`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: { importJobs?: { results: ImportItemResult[] } | null } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  const results = body?.data?.importJobs?.results;
  if (results) return results;
  const error = body?.errors?.[0];
  // The gateway checks the tenant before any resolver runs, and rejects an unknown one with HTTP 404 and NOT_FOUND.
  if (response.status === 404 && error?.extensions?.code === 'NOT_FOUND') throw new TenantNotFoundError(options.tenant, options.gatewayUrl);
  if (error?.extensions?.code === 'UNAUTHENTICATED') {
    throw new ImportRequestError(`The gateway rejected JOBGRAPH_TOKEN: ${error.message} Log in as an ADMIN of "${options.tenant}" and export a fresh access token.`);
  }
  throw new ImportRequestError(error ? `importJobs failed: ${error.message} (${error.extensions?.code ?? 'no code'})` : `The gateway answered HTTP ${response.status} without a result.`);
}
