import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapGenericJobs } from '../src/import/generic-mapping.ts';
import { mapNycJobs, type CsvRecord } from '../src/import/nyc-jobs-mapping.ts';
import { nycAgencyName } from '../src/import/nyc-agencies.ts';
import { splitNycCategories } from '../src/import/nyc-categories.ts';
import { readJobFile } from '../src/import/read-job-file.ts';
import { cleanText, repairMojibake } from '../src/import/repair-text.ts';

const nycFile = new URL('../../../shared/data/nyc-jobs.csv', import.meta.url).pathname;

describe('repairMojibake', () => {
  it.each([
    ['New Yorkâ€™s', 'New York’s'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['â€¢ bullet', '• bullet'],
    ['Â½ time', '½ time'],
    ['Inspection\u00c2', 'Inspection '],
  ])('repairs %j', (broken, repaired) => {
    expect(repairMojibake(broken)).toBe(repaired);
  });

  it.each(['Café', 'Zürich', 'São Paulo', '½ day', 'plain text'])('leaves correct text %j alone', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

describe('cleanText', () => {
  it('turns runs of spaces into line breaks', () => {
    expect(cleanText('Intro.    1.  First item   2.\tSecond item')).toBe('Intro.\n1. First item\n2. Second item');
  });

  it('drops a cell of bullets only', () => {
    expect(cleanText('â€¢')).toBeNull();
  });
});

describe('nycAgencyName', () => {
  it('names known agencies readably', () => {
    expect(nycAgencyName('DEPT OF HEALTH/MENTAL HYGIENE')).toBe('Department of Health and Mental Hygiene');
    expect(nycAgencyName('DISTRICT ATTORNEY RICHMOND COU')).toBe('District Attorney, Richmond County');
  });

  it('expands abbreviations of an unknown agency', () => {
    expect(nycAgencyName('DEPT OF PUBLIC ADMIN SVCS')).toBe('Department of Public Administration Services');
  });
});

describe('splitNycCategories', () => {
  it('splits a cell holding several categories with commas inside', () => {
    expect(splitNycCategories('Health Policy, Research & Analysis Public Safety, Inspections, & Enforcement')).toEqual({
      names: ['Health', 'Policy, Research & Analysis', 'Public Safety, Inspections, & Enforcement'],
      unknown: null,
    });
  });

  it('prefers the longer of two names that share a start', () => {
    expect(splitNycCategories('Legal Affairs Social Services').names).toEqual(['Legal Affairs', 'Social Services']);
  });

  it('returns text that matches no category', () => {
    expect(splitNycCategories('Health Underwater Basket Weaving')).toEqual({ names: ['Health'], unknown: 'Underwater Basket Weaving' });
  });
});

function nycRecord(overrides: Partial<Record<string, string>>): CsvRecord {
  return {
    'Job ID': '100',
    Agency: 'FIRE DEPARTMENT',
    'Posting Type': 'Internal',
    'Business Title': 'Analyst',
    'Civil Service Title': 'STAFF ANALYST',
    'Title Code No': '12626',
    Level: '2',
    'Job Category': 'Health',
    'Full-Time/Part-Time indicator': 'F',
    'Salary Range From': '16.6264',
    'Salary Range To': '16.6264',
    'Salary Frequency': 'Hourly',
    'Work Location': '9 MetroTech',
    'Division/Work Unit': 'Budget',
    'Job Description': '',
    'Minimum Qual Requirements': '',
    'Preferred Skills': '',
    'Posting Date': '2018-06-04T00:00:00.000',
    ...overrides,
  } as CsvRecord;
}

describe('mapNycJobs', () => {
  it('merges the Internal and External postings of one Job ID, preferring External', () => {
    const mapped = mapNycJobs([nycRecord({ 'Business Title': 'Internal title' }), nycRecord({ 'Posting Type': 'External', 'Business Title': 'External title' })]);
    expect(mapped.jobs).toHaveLength(1);
    expect(mapped.jobs[0]!.rows).toEqual([2, 3]);
    expect(mapped.jobs[0]!.input.title).toBe('External title');
  });

  it('imports a Job ID when one of its postings maps, with all its rows', () => {
    const mapped = mapNycJobs([nycRecord({ 'Full-Time/Part-Time indicator': '' }), nycRecord({ 'Posting Type': 'External' })]);
    expect(mapped.rejectedRows).toEqual([]);
    expect(mapped.jobs.map((job) => job.rows)).toEqual([[2, 3]]);
  });

  it('maps an hourly salary with equal bounds exactly', () => {
    const [job] = mapNycJobs([nycRecord({})]).jobs;
    expect(job!.input.salary).toEqual({ min: 16.6264, max: 16.6264, currency: 'USD', period: 'HOUR' });
  });

  it('maps the full- and part-time flags', () => {
    const jobs = mapNycJobs([
      nycRecord({ 'Job ID': '1', 'Full-Time/Part-Time indicator': 'F' }),
      nycRecord({ 'Job ID': '2', 'Full-Time/Part-Time indicator': 'P' }),
    ]).jobs;
    expect(jobs.map((job) => job.input.employmentType)).toEqual(['FULL_TIME', 'PART_TIME']);
  });

  it('rejects a row whose full- and part-time flag is empty', () => {
    const mapped = mapNycJobs([nycRecord({ 'Full-Time/Part-Time indicator': '' })]);
    expect(mapped.jobs).toEqual([]);
    expect(mapped.rejectedRows[0]!.reason).toBe(
      'Full-Time/Part-Time indicator is empty; a job needs an employment type, and this one is not guessed. Fill in F or P and import again.',
    );
  });

  it('writes a description from the other columns when the cell is empty', () => {
    const [job] = mapNycJobs([nycRecord({})]).jobs;
    expect(job!.input.description).toBe('Analyst in Budget at Fire Department. Civil service title: STAFF ANALYST (title code 12626, level 2).');
  });

  it('rejects a row whose posting date holds other text', () => {
    const mapped = mapNycJobs([nycRecord({ 'Posting Date': 'NYCHA has no residency requirement.' })]);
    expect(mapped.jobs).toEqual([]);
    expect(mapped.rejectedRows).toEqual([
      { row: 2, reason: 'Posting Date "NYCHA has no residency requirement." is not a date; the row\'s columns may be shifted.' },
    ]);
  });

  it('rejects a row with no posting date', () => {
    expect(mapNycJobs([nycRecord({ 'Posting Date': '' })]).rejectedRows[0]!.reason).toBe(
      'Posting Date is empty; an imported job is published, so it needs its posting date.',
    );
  });

  it('rejects a salary range whose bounds are reversed', () => {
    expect(mapNycJobs([nycRecord({ 'Salary Range From': '20', 'Salary Range To': '10' })]).rejectedRows[0]!.reason).toBe(
      'Salary Range From 20 is above Salary Range To 10.',
    );
  });
});

describe.skipIf(!existsSync(nycFile))('the NYC Jobs file', () => {
  it('accounts for every row', async () => {
    const file = await readJobFile(nycFile);
    const importedRows = file.jobs.reduce((count, job) => count + job.rows.length, 0);
    expect(file.format).toBe('nyc');
    expect(file.rowCount).toBe(3252);
    expect(importedRows + file.rejectedRows.length).toBe(3252);
    expect(new Set(file.jobs.map((job) => job.input.externalId)).size).toBe(file.jobs.length);
  });

  it('leaves no mis-decoded text behind', async () => {
    const file = await readJobFile(nycFile);
    const broken = file.jobs.filter((job) => /â€|Ã.|Â/.test(JSON.stringify(job.input)));
    expect(broken.map((job) => job.input.externalId)).toEqual([]);
  });
});

describe('mapGenericJobs', () => {
  const base = {
    external_id: 'G1',
    company: 'Acme',
    title: 'Operator',
    description: 'Watches the robots on the night shift.',
    employment_type: 'FULL_TIME',
    workplace_type: 'ONSITE',
  };

  it.each([
    ['published_at', '0000-01-01T00:00:00Z'],
    ['published_at', '2026-02-30T09:00:00Z'],
    ['published_at', '0001-01-01T00:30:00+01:00'],
    ['application_deadline', '0000-12-31'],
    ['application_deadline', '2027-02-30'],
  ])('rejects the row with %s %s', (column, value) => {
    const mapped = mapGenericJobs([{ ...base, [column]: value }]);
    expect(mapped.jobs).toEqual([]);
    expect(mapped.rejectedRows).toEqual([{ row: 2, reason: expect.stringContaining(`${column} "${value}" is not a date`) }]);
  });

  it('keeps dates inside the accepted years', () => {
    const mapped = mapGenericJobs([{ ...base, published_at: '0001-01-01T00:00:00Z', application_deadline: '9999-12-31' }]);
    expect(mapped.rejectedRows).toEqual([]);
    expect(mapped.jobs[0]!.input).toMatchObject({ publishedAt: '0001-01-01T00:00:00Z', applicationDeadline: '9999-12-31' });
  });
});
