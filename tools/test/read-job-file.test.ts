import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapGenericJobs } from '../src/import/generic-mapping.ts';
import { parseCsvRows } from '../src/import/read-csv-rows.ts';
import { JobFileError, readJobFile } from '../src/import/read-job-file.ts';

const genericHeader = 'external_id,company,title,description,employment_type,workplace_type';

describe('parseCsvRows', () => {
  const lines = [
    'id,name,note',
    'A1,Acme,"quoted, with a comma"',
    'A2,=HYPERLINK("http://x"),bad row',
    'A2,=HYPERLINK("http://x"),bad row',
    'A4,Acme,"two',
    'lines"',
    'A5,Ac"me,third bad row',
    'A6,Acme,"an ""escaped"" quote"',
    'A7,Acme,"a "bare" quote"',
    '',
    'A8,Acme,last',
  ];
  const parsed = parseCsvRows(lines.join('\r\n'));

  it('numbers good rows as a spreadsheet does', () => {
    expect(parsed.header).toEqual(['id', 'name', 'note']);
    expect(parsed.rows.map(({ row, fields }) => [row, fields[0]])).toEqual([
      [2, 'A1'],
      [5, 'A4'],
      [7, 'A6'],
      [9, 'A8'],
    ]);
    expect(parsed.rows[1]!.fields[2]).toBe('two\r\nlines');
    expect(parsed.rows[2]!.fields[2]).toBe('an "escaped" quote');
  });

  it('reports each malformed row once, by number', () => {
    expect(parsed.malformed.map(({ row }) => row)).toEqual([3, 4, 6, 8]);
  });

  it('explains a quote in an unquoted cell', () => {
    expect(parsed.malformed[0]!.reason).toBe(
      'The "name" cell has a quote inside an unquoted value (=HYPERLINK("...); enclose the whole cell in double quotes and double each quote inside it.',
    );
  });

  it('explains an undoubled quote in a quoted cell', () => {
    expect(parsed.malformed[3]!.reason).toBe('The "note" cell has a quote inside a quoted value that is not doubled; write each quote inside it as "".');
  });

  it('reports a quote that is never closed', () => {
    const result = parseCsvRows('id,name\nA1,Acme\nA2,"Acme\nA3,Acme\n');
    expect(result.rows.map(({ row }) => row)).toEqual([2]);
    expect(result.malformed).toEqual([
      { row: 3, reason: 'A quote in this row is never closed, so the rest of the file was read as part of this row; close the quote and import again.' },
    ]);
  });

  it('stops at the requested last row', () => {
    const result = parseCsvRows(lines.join('\n'), 4);
    expect(result.rows.map(({ row }) => row)).toEqual([2]);
    expect(result.malformed.map(({ row }) => row)).toEqual([3, 4]);
  });

  it('throws on a malformed header', () => {
    expect(() => parseCsvRows('id,na"me\nA1,Acme\n')).toThrow('The header (row 1) is not valid CSV: Cell 2 has a quote inside an unquoted value');
  });
});

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

  it('reads the rows around a malformed quote', async () => {
    const path = `${directory}/quotes.csv`;
    await writeFile(
      path,
      [
        genericHeader,
        'G1,Acme,Operator,Watches the robots.,FULL_TIME,ONSITE',
        'G2,=HYPERLINK("http://x"),Operator,Watches the robots.,FULL_TIME,ONSITE',
        'G3,Acme,Operator,Watches the robots.,FULL_TIME,ONSITE',
      ].join('\n'),
    );
    const file = await readJobFile(path);
    expect(file.rowCount).toBe(3);
    expect(file.jobs.map((job) => [job.input.externalId, job.rows])).toEqual([
      ['G1', [2]],
      ['G3', [4]],
    ]);
    expect(file.rejectedRows.map(({ row }) => row)).toEqual([3]);
    expect(file.rejectedRows[0]!.reason).toContain('The "company" cell has a quote inside an unquoted value');
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

  it('rejects a header that repeats a column', async () => {
    const path = `${directory}/repeated.csv`;
    await writeFile(path, `${genericHeader},title\nG1,Acme,Operator,Watches the robots.,FULL_TIME,ONSITE,Night Operator\n`);
    await expect(readJobFile(path)).rejects.toThrow(
      `The header of ${path} repeats the column "title" (columns 3 and 7); rename or remove one of them.`,
    );
  });

  it('ignores repeated empty column names', async () => {
    const path = `${directory}/trailing-commas.csv`;
    await writeFile(path, `${genericHeader},,\nG1,Acme,Operator,Watches the robots.,FULL_TIME,ONSITE,,\n`);
    const file = await readJobFile(path);
    expect(file.jobs.map((job) => job.input.externalId)).toEqual(['G1']);
  });

  it('names the file whose header is not valid CSV', async () => {
    const path = `${directory}/bad-header.csv`;
    await writeFile(path, 'external_id,comp"any\nG1,Acme\n');
    await expect(readJobFile(path)).rejects.toThrow(
      `The header (row 1) of ${path} is not valid CSV: Cell 2 has a quote inside an unquoted value (comp"...); enclose the whole cell in double quotes and double each quote inside it.`,
    );
  });

  it('rejects a directory in one line', async () => {
    const path = `${directory}/folder`;
    await mkdir(path);
    await expect(readJobFile(path)).rejects.toThrow(new JobFileError(`${path} is a directory, but the import expects a CSV file; name a file in it.`));
  });

  it('rejects a missing file in one line', async () => {
    const path = `${directory}/missing.csv`;
    await expect(readJobFile(path)).rejects.toThrow(new JobFileError(`${path} does not exist; check the path of the CSV file.`));
  });

  it('rejects a path through a file in one line', async () => {
    const path = `${directory}/one.csv/jobs.csv`;
    await writeFile(`${directory}/one.csv`, `${genericHeader}\n`);
    await expect(readJobFile(path)).rejects.toThrow(
      new JobFileError(`${path} does not exist: a part of the path before the file name is not a directory; check the path.`),
    );
  });

  // The superuser reads files whatever their mode, so this check needs another user.
  it.skipIf(process.getuid?.() === 0)('rejects an unreadable file in one line', async () => {
    const path = `${directory}/unreadable.csv`;
    await writeFile(path, `${genericHeader}\n`);
    await chmod(path, 0o200);
    await expect(readJobFile(path)).rejects.toThrow(
      new JobFileError(`${path} cannot be read: permission denied; give the user running the import read access to it.`),
    );
  });
});
