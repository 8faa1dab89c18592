import { existsSync } from 'node:fs';
import os from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureLatency } from './bench/measure.ts';
import { parseCommandLine } from './command-line.ts';
import { importFile } from './import/import-file.ts';
import { readJobFile } from './import/read-job-file.ts';
import { createTestTenant, startTestSupergraph } from './testing/index.ts';

/**
 * `npm run bench`: imports a CSV file of jobs (by default the NYC Jobs file)
 * through the gateway and then measures the hot read path over the imported
 * jobs, on the embedded database, or on the server named by
 * TEST_DATABASE_URL. It prints the results as Markdown and writes no file;
 * docs/benchmarks.md keeps past results, copied there by hand.
 */
const nycFile = fileURLToPath(new URL('../../../shared/data/nyc-jobs.csv', import.meta.url));
const runs = 200;
const batchSize = 250;

const usage = `Usage: npm run bench [-- --file <file.csv>]

Imports a CSV file of jobs into a fresh tenant twice, times the job list
query through the gateway, and prints the results as Markdown.

Options:
  --file <file.csv>  The CSV file to import, in the NYC Jobs or the generic format
                     (default ${nycFile}).
  -h, --help         Prints this help.`;
const { values } = parseCommandLine({ options: { file: { type: 'string', default: nycFile } } }, usage);
const path = values.file;

if (!existsSync(path)) {
  const hint = path === nycFile ? 'place the NYC Jobs file there, or pass --file <file.csv>' : 'check the path';
  console.error(`The benchmark imports ${path}, which does not exist; ${hint}.`);
  process.exit(1);
}
// The file is read before any service starts, so that a file that cannot be read stops the benchmark at once.
const file = await readJobFile(path).catch((error: Error) => {
  console.error(`Cannot read ${path}: ${error.message}`);
  process.exit(1);
});

const graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
try {
  const tenant = await createTestTenant(graph, 'bench');

  const importOnce = async () => {
    const summary = await importFile(file, { gatewayUrl: graph.gatewayUrl, tenant: tenant.slug, token: tenant.adminToken, batchSize });
    const outcomes = Object.fromEntries(Object.entries(summary.counts).filter(([, value]) => value > 0));
    return { seconds: summary.seconds, outcomes };
  };
  const first = await importOnce();
  const second = await importOnce();

  const pageQuery = `query Page($first: Int!) {
    jobs(first: $first) { edges { node { id title salary { min max currency period } company { name } employer { fullName } categories { name } skills { skill { name } } } } }
  }`;
  const rows: string[] = [];
  for (const first of [1, 20, 100]) {
    const before = graph.statementCounts();
    const summary = await measureLatency(async () => {
      const response = await graph.query(pageQuery, { first }, { tenant: tenant.slug });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
    }, runs);
    const after = graph.statementCounts();
    const statements = Object.keys(after).reduce((sum, name) => sum + after[name]! - before[name]!, 0) / (runs + 5);
    rows.push(`| \`jobs(first: ${first})\` with company, employer, categories, skills | ${summary.runs} | ${summary.p50Ms} | ${summary.p95Ms} | ${summary.meanMs} | ${statements.toFixed(1)} |`);
  }

  const cpu = os.cpus();
  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL 15 server on the same machine' : 'PGlite (embedded)';
  console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Database: ${database}.`);
  console.log('');
  console.log(
    `Import of ${file.rowCount} rows of ${basename(path)} (${file.format} format; ${file.jobs.length} jobs, ${file.rejectedRows.length} rows rejected by the mapping) in batches of ${batchSize} through the gateway:`,
  );
  console.log(`- first run into an empty tenant: ${first.seconds.toFixed(1)} s, ${JSON.stringify(first.outcomes)}`);
  console.log(`- second run of the same file: ${second.seconds.toFixed(1)} s, ${JSON.stringify(second.outcomes)}`);
  console.log('');
  console.log('| Request (sequential, through the gateway) | Runs | p50 ms | p95 ms | Mean ms | SQL statements per request |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`Resident memory of the benchmark process (gateway and both subgraphs in one process): ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB.`);
} finally {
  await graph.stop();
}
