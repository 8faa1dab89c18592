import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapGenericJobs } from '../src/import/generic-mapping.ts';
import { readJobFile } from '../src/import/read-job-file.ts';

describe('mapGenericJobs', () => {
  const record = (externalId: string) => ({
    external_id: externalId,
    company: 'Acme',
    title: 'Operator',
    description: 'Watches the robots.',
    employment_type: 'FULL_TIME',
    workplace_type: 'ONSITE',
  });

  it('rejects a repeated external id with the row of its first use', () => {
    const mapped = mapGenericJobs([record('G-1'), record('G-2'), record('G-1')], (index) => index * 10 + 2);
    expect(mapped.jobs.map((job) => job.rows)).toEqual([[2], [12]]);
    expect(mapped.rejectedRows).toEqual([
      { row: 22, reason: 'external_id "G-1" repeats row 2; give each job its own external_id, or remove the repeated row.' },
    ]);
  });
});

describe('readJobFile', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(`${tmpdir()}/jobgraph-read-job-file-`);
  });

  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('names the required generic columns a header lacks', async () => {
    const path = `${directory}/four-columns.csv`;
    await writeFile(path, 'external_id,company,title,description\nG1,Acme,Operator,Watches the robots.\n');
    await expect(readJobFile(path)).rejects.toThrow(
      `${path} has neither the NYC Jobs columns nor the required generic ones (it lacks employment_type, workplace_type). ` +
        'The generic header is: external_id,company,title,description,requirements,responsibilities,benefits,employment_type,experience_level,workplace_type,location,' +
        'salary_min,salary_max,salary_currency,salary_period,published_at,application_deadline,categories,skills, ' +
        'of which external_id, company, title, description, employment_type, workplace_type are required.',
    );
  });
});
