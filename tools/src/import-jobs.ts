import { parseArgs } from 'node:util';
import { readJobFile } from './import/read-job-file.ts';
import { ImportRequestError, sendBatch, type ImportOutcome } from './import/send-batches.ts';

/**
 * `npm run import -- --tenant <slug> [--gateway <url>] [--batch-size <n>] [--limit <rows>] <file.csv>`
 *
 * Reads a CSV file of jobs (the NYC Jobs columns or the generic column set),
 * sends it to `importJobs` through the gateway in batches with the ADMIN
 * access token in JOBGRAPH_TOKEN, and prints a summary. Running it again on
 * the same file reports every job unchanged. Exits 1 when the import could
 * not run; rejected rows are reported and do not change the exit code.
 */
const usage = 'Usage: npm run import -- --tenant <slug> [--gateway <url>] [--batch-size <1-500>] [--limit <rows>] <file.csv>';
const maxBatchSize = 500;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    gateway: { type: 'string', default: 'http://localhost:4000/graphql' },
    'batch-size': { type: 'string', default: '250' },
    limit: { type: 'string' },
  },
});
const [path] = positionals;
if (!values.tenant || !path || positionals.length > 1) fail(usage);
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatchSize) {
  fail(`--batch-size "${values['batch-size']}" is out of range; use 1 to ${maxBatchSize}.`);
}
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) fail(`--limit "${values.limit}" is not a positive number of rows.`);
const token = process.env.JOBGRAPH_TOKEN;
if (!token) fail('JOBGRAPH_TOKEN is not set; log in as an ADMIN of the tenant and export its access token as JOBGRAPH_TOKEN.');

const started = performance.now();
const file = await readJobFile(path, limit).catch((error: Error) => fail(`Cannot read ${path}: ${error.message}`));
const counts: Record<ImportOutcome, number> = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0 };
const rejected = file.rejectedRows.map(({ row, reason }) => ({ rows: [row], reason }));
const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r${text}`) : (text: string) => process.stderr.write(`${text}\n`);

try {
  for (let offset = 0; offset < file.jobs.length; offset += batchSize) {
    const batch = file.jobs.slice(offset, offset + batchSize);
    const results = await sendBatch(batch.map((job) => job.input), { gatewayUrl: values.gateway, tenant: values.tenant, token });
    for (const result of results) {
      counts[result.outcome] += 1;
      if (result.outcome === 'REJECTED') rejected.push({ rows: [...batch[result.index]!.rows], reason: result.reason ?? 'no reason given' });
    }
    progress(`Imported ${Math.min(offset + batchSize, file.jobs.length)} of ${file.jobs.length} jobs`);
  }
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (error instanceof ImportRequestError) fail(error.message);
  throw error;
}
if (process.stderr.isTTY) process.stderr.write('\n');

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const mergedRows = file.jobs.reduce((count, job) => count + job.rows.length, 0);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
console.log(`${path}: ${count(file.rowCount, 'row')} (${file.format} format) in ${seconds} s`);
console.log(`  ${count(mergedRows, 'row')} made ${count(file.jobs.length, 'job')} (postings that share an external id become one job)`);
console.log(`  created ${counts.CREATED}, updated ${counts.UPDATED}, unchanged ${counts.UNCHANGED}, rejected ${counts.REJECTED} jobs`);
console.log(`  ${count(file.rejectedRows.length, 'row')} could not be mapped`);
for (const { rows, reason } of rejected.sort((a, b) => a.rows[0]! - b.rows[0]!)) {
  console.log(`  rejected row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}: ${reason}`);
}
