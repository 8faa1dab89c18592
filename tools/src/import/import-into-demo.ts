import { demoTenant } from '@jobgraph/kit';
import type { Logger } from 'pino';
import { importFile } from './import-file.ts';
import { readJobFile } from './read-job-file.ts';
import { ImportRequestError } from './send-batches.ts';

/** The demo ADMIN's login; the password is public and documented in docs/security.md. */
const demoAdmin = { login: 'admin', password: 'jobgraph-demo-1' };

/**
 * Imports a CSV file of jobs into the demo tenant as its ADMIN, through the
 * gateway: `npm start -- --import <file.csv>`. The import is idempotent, so
 * a later start with the same file only reports the jobs unchanged.
 */
export async function importIntoDemo(path: string, gatewayUrl: string, logger: Logger): Promise<void> {
  const file = await readJobFile(path);
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': demoTenant.slug },
    body: JSON.stringify({
      query: 'mutation DemoLogin($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: demoAdmin },
    }),
  });
  const body = (await response.json()) as { data?: { login?: { accessToken: string } | null }; errors?: Array<{ message: string }> };
  const token = body.data?.login?.accessToken;
  if (!token) {
    throw new ImportRequestError(
      `Cannot log in as the demo ADMIN to import ${path}: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`} The demo tenant exists only with DEMO_DATA=on.`,
    );
  }
  logger.info({ file: path, jobs: file.jobs.length }, `importing ${file.jobs.length} jobs from ${path} into the demo tenant`);
  const summary = await importFile(file, { gatewayUrl, tenant: demoTenant.slug, token, batchSize: 250 });
  const { counts } = summary;
  logger.info(
    { file: path, ...counts, unmappedRows: file.rejectedRows.length, seconds: Number(summary.seconds.toFixed(1)) },
    `imported ${path}: created ${counts.CREATED}, updated ${counts.UPDATED}, unchanged ${counts.UNCHANGED}, rejected ${counts.REJECTED} jobs; ${file.rejectedRows.length} rows could not be mapped (npm run import lists them)`,
  );
}
