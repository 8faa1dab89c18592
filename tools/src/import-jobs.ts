import { isTenantSlug } from '@jobgraph/kit';
import { exitWithUsageError, parseCommandLine, readIntegerOption } from './command-line.ts';
import { importFile, maxBatchSize, type ImportProgress } from './import/import-file.ts';
import { JobFileError, readJobFile, type JobFile } from './import/read-job-file.ts';
import { ImportRequestError, TenantNotFoundError } from './import/send-batches.ts';

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

function readInteger(option: string, text: string, range: { min: number; max?: number }): number {
  const result = readIntegerOption(option, text, range);
  if (result.kind === 'usage-error') exitWithUsageError(result.message, usage);
  return result.value;
}

function describeProgress({ sent, total, counts }: ImportProgress): string {
  return `Sent ${sent} of ${total} jobs: created ${counts.CREATED}, updated ${counts.UPDATED}, unchanged ${counts.UNCHANGED}, rejected ${counts.REJECTED}`;
}

/** Describes how the file's rows became jobs, which depends on its format. */
function describeJobRows(file: JobFile): string {
  const mappedRows = file.jobs.reduce((total, job) => total + job.rows.length, 0);
  if (file.format === 'nyc') {
    return `${count(mappedRows, 'row')} made ${count(file.jobs.length, 'job')} (the Internal and External postings of one Job ID become one job)`;
  }
  return `${count(mappedRows, 'row')} made ${count(file.jobs.length, 'job')} (one job per row)`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
if (!isTenantSlug(values.tenant)) {
  exitWithUsageError(`--tenant "${values.tenant}" is not a tenant slug; slugs are lower-case letters, digits and dashes, such as "demo".`, usage);
}
if (!path) exitWithUsageError('Missing the CSV file; name it after the options.', usage);
if (extra.length > 0) exitWithUsageError(`Unexpected argument "${extra[0]}"; the command imports one file.`, usage);
const batchSize = readInteger('--batch-size', values['batch-size'], { min: 1, max: maxBatchSize });
const limit = values.limit === undefined ? undefined : readInteger('--limit', values.limit, { min: 1 });
const token = process.env.JOBGRAPH_TOKEN;
if (!token) fail('JOBGRAPH_TOKEN is not set; log in as an ADMIN of the tenant and export its access token as JOBGRAPH_TOKEN.');

const file = await readJobFile(path, limit).catch((error: unknown) => {
  if (error instanceof JobFileError) fail(error.message);
  throw error;
});
const terminal = process.stderr.isTTY;
let summary;
try {
  summary = await importFile(file, {
    gatewayUrl: values.gateway,
    tenant: values.tenant,
    token,
    batchSize,
    onProgress: (progress) => process.stderr.write(terminal ? `\r${describeProgress(progress)}` : `${describeProgress(progress)}\n`),
  });
} catch (error) {
  if (terminal) process.stderr.write('\n');
  if (error instanceof TenantNotFoundError) {
    fail(`Tenant "${error.tenant}" of --tenant does not exist on the gateway at ${error.gatewayUrl}; check the slug, or pass --gateway for the server that has it.`);
  }
  if (error instanceof ImportRequestError) fail(error.message);
  throw error;
}
if (terminal) process.stderr.write('\n');

const { counts } = summary;
console.log(`${path}: ${count(file.rowCount, 'row')} (${file.format} format) in ${summary.seconds.toFixed(1)} s`);
console.log(`  ${describeJobRows(file)}`);
console.log(`  created ${counts.CREATED}, updated ${counts.UPDATED}, unchanged ${counts.UNCHANGED}, rejected ${counts.REJECTED} jobs`);
console.log(`  ${count(file.rejectedRows.length, 'row')} could not be mapped`);
for (const { rows, reason } of summary.rejected) {
  console.log(`  rejected row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}: ${reason}`);
}
