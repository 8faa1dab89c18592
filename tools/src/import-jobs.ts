import { exitWithUsageError, parseCommandLine } from './command-line.ts';
import { importFile, maxBatchSize } from './import/import-file.ts';
import { readJobFile } from './import/read-job-file.ts';
import { ImportRequestError } from './import/send-batches.ts';

/**
 * `npm run import`: reads a CSV file of jobs (the NYC Jobs columns or the
 * generic column set), sends it to `importJobs` through the gateway in
 * batches with the ADMIN access token in JOBGRAPH_TOKEN, and prints a summary. Running it again on
 * the same file reports every job unchanged. Exits 2 on a command-line
 * error and 1 when the import could not run; rejected rows are reported and
 * do not change the exit code.
 */
const usage = `Usage: npm run import -- --tenant <slug> [options] <file.csv>

Imports a CSV file of jobs through the gateway, as the ADMIN whose access
token is in JOBGRAPH_TOKEN.

Options:
  --tenant <slug>      The tenant to import into. Required.
  --gateway <url>      The gateway's GraphQL URL (default http://localhost:4000/graphql).
  --batch-size <jobs>  Jobs per importJobs request, 1 to ${maxBatchSize} (default 250).
  --limit <rows>       Imports only the first <rows> data rows, for a trial.
  -h, --help           Prints this help.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      gateway: { type: 'string', default: 'http://localhost:4000/graphql' },
      'batch-size': { type: 'string', default: '250' },
      limit: { type: 'string' },
    },
  },
  usage,
);
const [path, ...extra] = positionals;
if (!values.tenant) exitWithUsageError('Missing --tenant; name the tenant to import into.', usage);
if (!path) exitWithUsageError('Missing the CSV file; name it after the options.', usage);
if (extra.length > 0) exitWithUsageError(`Unexpected argument "${extra[0]}"; the command imports one file.`, usage);
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatchSize) {
  exitWithUsageError(`--batch-size "${values['batch-size']}" is out of range; use 1 to ${maxBatchSize}.`, usage);
}
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) exitWithUsageError(`--limit "${values.limit}" is not a positive number of rows.`, usage);
const token = process.env.JOBGRAPH_TOKEN;
if (!token) fail('JOBGRAPH_TOKEN is not set; log in as an ADMIN of the tenant and export its access token as JOBGRAPH_TOKEN.');

const file = await readJobFile(path, limit).catch((error: Error) => fail(`Cannot read ${path}: ${error.message}`));
const terminal = process.stderr.isTTY;
let summary;
try {
  summary = await importFile(file, {
    gatewayUrl: values.gateway,
    tenant: values.tenant,
    token,
    batchSize,
    onProgress: (done, total) => process.stderr.write(terminal ? `\rImported ${done} of ${total} jobs` : `Imported ${done} of ${total} jobs\n`),
  });
} catch (error) {
  if (terminal) process.stderr.write('\n');
  if (error instanceof ImportRequestError) fail(error.message);
  throw error;
}
if (terminal) process.stderr.write('\n');

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const { counts } = summary;
const mergedRows = file.jobs.reduce((total, job) => total + job.rows.length, 0);
console.log(`${path}: ${count(file.rowCount, 'row')} (${file.format} format) in ${summary.seconds.toFixed(1)} s`);
console.log(`  ${count(mergedRows, 'row')} made ${count(file.jobs.length, 'job')} (postings that share an external id become one job)`);
console.log(`  created ${counts.CREATED}, updated ${counts.UPDATED}, unchanged ${counts.UNCHANGED}, rejected ${counts.REJECTED} jobs`);
console.log(`  ${count(file.rejectedRows.length, 'row')} could not be mapped`);
for (const { rows, reason } of summary.rejected) {
  console.log(`  rejected row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}: ${reason}`);
}
