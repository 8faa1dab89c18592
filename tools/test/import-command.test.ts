import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobFile } from '../src/import/read-job-file.ts';
import { createTestTenant, startTestSupergraph, type TestSupergraph, type TestTenant } from '../src/testing/index.ts';
import { runScript, type ScriptRun } from './run-script.ts';

const nycFile = fileURLToPath(new URL('../../../shared/data/nyc-jobs.csv', import.meta.url));
const nycRows = 300;

/** Runs `npm run import` as a user would, and returns its exit code and output. */
function runImport(args: string[], token: string | undefined): Promise<ScriptRun> {
  return runScript('import-jobs.ts', args, { JOBGRAPH_TOKEN: token ?? '' });
}

describe('npm run import', () => {
  let graph: TestSupergraph;
  let tenant: TestTenant;
  let directory: string;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await createTestTenant(graph, 'import');
    directory = await mkdtemp(`${tmpdir()}/jobgraph-import-`);
  });

  afterAll(async () => {
    await graph?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('imports a generic file and reports its bad row', async () => {
    const path = `${directory}/generic.csv`;
    await writeFile(
      path,
      [
        'external_id,company,title,description,employment_type,workplace_type,salary_min,salary_max,salary_currency,salary_period,categories,skills',
        'G-1,Acme Robotics,Robot Whisperer,"Talks to robots, kindly, every working day of the week.",FULL_TIME,REMOTE,50000,70000,USD,YEAR,Engineering;Robotics,ROS;Python',
        'G-2,Acme Robotics,,No title here,FULL_TIME,ONSITE,,,,,,',
        'G-3,Acme Robotics,Night Operator,"Watches the robots while they sleep, all night long.",SOMETIMES,ONSITE,,,,,,',
        'G-4,Acme Robotics,Too many fields,"x",FULL_TIME,ONSITE,,,,,,,,',
        'G-5,Acme Robotics,Day Operator,"Watches the robots while they work, all day long.",PART_TIME,ONSITE,,,,,,',
        'G-6,=HYPERLINK("http://x"),Link Operator,"Follows links to the robots, all day long.",PART_TIME,ONSITE,,,,,,',
        'G-1,Acme Robotics,Robot Whisperer Again,"Talks to robots, kindly, on the weekend too.",PART_TIME,REMOTE,,,,,,',
        'G-7,Acme Robotics,Evening Operator,"Watches the robots in the evening, until late.",PART_TIME,ONSITE,,,,,,',
      ].join('\n'),
    );
    const { code, stdout } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, path], tenant.adminToken);
    expect(code).toBe(0);
    expect(stdout).toContain('8 rows (generic format)');
    expect(stdout).toContain('  3 rows made 3 jobs (one job per row)\n');
    expect(stdout).not.toContain('become one job');
    expect(stdout).toContain('created 3, updated 0, unchanged 0, rejected 0 jobs');
    expect(stdout).toContain('rejected row 3: title is empty.');
    expect(stdout).toContain('rejected row 4: employment_type "SOMETIMES" is not one of FULL_TIME, PART_TIME, CONTRACT, INTERNSHIP, TEMPORARY.');
    expect(stdout).toContain('rejected row 5: The row has 14 fields but the header has 12 columns; check its quotes and commas.');
    expect(stdout).toContain(
      'rejected row 7: The "company" cell has a quote inside an unquoted value (=HYPERLINK("...); enclose the whole cell in double quotes and double each quote inside it.',
    );
    expect(stdout).toContain('rejected row 8: external_id "G-1" repeats row 2; give each job its own external_id, or remove the repeated row.');
  });

  it('reports progress in jobs sent, not imported', async () => {
    const path = `${directory}/all-rejected.csv`;
    const header = 'external_id,company,title,description,employment_type,workplace_type,salary_min,salary_max,salary_currency,salary_period';
    const row = (id: string) => `${id},Acme Robotics,Operator,"Watches the robots, all day long.",FULL_TIME,ONSITE,90000,50000,USD,YEAR`;
    await writeFile(path, [header, row('R-1'), row('R-2'), row('R-3')].join('\n'));
    const { code, stdout, stderr } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, '--batch-size', '2', path], tenant.adminToken);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'Sent 2 of 3 jobs: created 0, updated 0, unchanged 0, rejected 2\n' + 'Sent 3 of 3 jobs: created 0, updated 0, unchanged 0, rejected 3\n',
    );
    expect(stdout).toContain('created 0, updated 0, unchanged 0, rejected 3 jobs');
  });

  it('names a tenant that does not exist', async () => {
    const path = `${directory}/no-tenant.csv`;
    await writeFile(path, 'external_id,company,title,description,employment_type,workplace_type\nX-1,Acme,Title,A description long enough to be accepted,FULL_TIME,REMOTE\n');
    const { code, stderr } = await runImport(['--tenant', 'no-such-tenant', '--gateway', graph.gatewayUrl, path], tenant.adminToken);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `Tenant "no-such-tenant" of --tenant does not exist on the gateway at ${graph.gatewayUrl}; check the slug, or pass --gateway for the server that has it.\n`,
    );
  });

  it('rejects a directory in one line', async () => {
    const { code, stderr } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, directory], tenant.adminToken);
    expect(code).toBe(1);
    expect(stderr).toBe(`${directory} is a directory, but the import expects a CSV file; name a file in it.\n`);
  });

  it('rejects a repeated column in one line', async () => {
    const path = `${directory}/repeated.csv`;
    await writeFile(path, 'external_id,company,title,description,employment_type,workplace_type,company\nX-1,Acme,Title,A description,FULL_TIME,REMOTE,Other\n');
    const { code, stderr } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, path], tenant.adminToken);
    expect(code).toBe(1);
    expect(stderr).toBe(`The header of ${path} repeats the column "company" (columns 2 and 7); rename or remove one of them.\n`);
  });

  it('refuses to run without a token', async () => {
    const { code, stderr } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, 'whatever.csv'], undefined);
    expect(code).toBe(1);
    expect(stderr).toContain('JOBGRAPH_TOKEN is not set');
  });

  it('explains a rejected token', async () => {
    const path = `${directory}/one.csv`;
    await writeFile(path, 'external_id,company,title,description,employment_type,workplace_type\nX-1,Acme,Title,A description long enough to be accepted,FULL_TIME,REMOTE\n');
    const { code, stderr } = await runImport(['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, path], 'not-a-token');
    expect(code).toBe(1);
    expect(stderr).toContain('The gateway rejected JOBGRAPH_TOKEN');
  });

  describe.skipIf(!existsSync(nycFile))('with NYC postings', () => {
    it('imports them, and a second run changes nothing', async () => {
      const args = ['--tenant', tenant.slug, '--gateway', graph.gatewayUrl, '--limit', String(nycRows), '--batch-size', '100', nycFile];
      const mapped = await readJobFile(nycFile, nycRows);

      const first = await runImport(args, tenant.adminToken);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`${nycRows} rows (nyc format)`);
      const mappedRows = mapped.jobs.reduce((total, job) => total + job.rows.length, 0);
      expect(first.stdout).toContain(`${mappedRows} rows made ${mapped.jobs.length} jobs (the Internal and External postings of one Job ID become one job)`);
      expect(first.stdout).toContain(`created ${mapped.jobs.length}, updated 0, unchanged 0, rejected 0 jobs`);
      expect(first.stdout).toContain(`${mapped.rejectedRows.length} rows could not be mapped`);

      const second = await runImport(args, tenant.adminToken);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`created 0, updated 0, unchanged ${mapped.jobs.length}, rejected 0 jobs`);

      const partTime = mapped.jobs.filter((job) => job.input.employmentType === 'PART_TIME').map((job) => job.input.externalId).sort();
      const response = await graph.query<{ jobs: { totalCount: number; edges: Array<{ node: { externalId: string } }> } }>(
        '{ jobs(filter: { employmentTypes: [PART_TIME] }, first: 100) { totalCount edges { node { externalId } } } }',
        {},
        { tenant: tenant.slug },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.jobs.totalCount).toBe(partTime.length);
      expect(response.data?.jobs.edges.map((edge) => edge.node.externalId).sort()).toEqual(partTime);
    });
  });
});
