import type { JobImportInput, MappedFile } from './job-import-input.ts';
import { nycAgencyName } from './nyc-agencies.ts';
import { splitNycCategories } from './nyc-categories.ts';
import { cleanText } from './repair-text.ts';

/** The columns of the NYC Jobs data set that the mapping reads. */
export const nycColumns = [
  'Job ID',
  'Agency',
  'Posting Type',
  'Business Title',
  'Civil Service Title',
  'Title Code No',
  'Level',
  'Job Category',
  'Full-Time/Part-Time indicator',
  'Salary Range From',
  'Salary Range To',
  'Salary Frequency',
  'Work Location',
  'Division/Work Unit',
  'Job Description',
  'Minimum Qual Requirements',
  'Preferred Skills',
  'Posting Date',
] as const;

export type CsvRecord = Readonly<Record<string, string>>;

const salaryPeriods: Readonly<Record<string, 'YEAR' | 'DAY' | 'HOUR'>> = { Annual: 'YEAR', Daily: 'DAY', Hourly: 'HOUR' };
const employmentTypes: Readonly<Record<string, 'FULL_TIME' | 'PART_TIME'>> = { F: 'FULL_TIME', P: 'PART_TIME' };

class RowError extends Error {}

interface MappedRow {
  readonly row: number;
  readonly external: boolean;
  readonly input: JobImportInput;
}

/**
 * Maps the rows of the NYC Jobs data set to job inputs. Rows that share a
 * Job ID (its Internal and External postings) become one job, taken from the
 * External posting, and the latest one when there are several. `rowOf`
 * gives the spreadsheet row number of a record (by default the header is row
 * 1 and records follow it).
 */
export function mapNycJobs(records: readonly CsvRecord[], rowOf: (index: number) => number = (index) => index + 2): MappedFile {
  const rejectedRows: Array<{ row: number; reason: string }> = [];
  const byJobId = new Map<string, Array<{ row: number; mapped?: MappedRow; reason?: string }>>();
  records.forEach((record, index) => {
    const row = rowOf(index);
    const jobId = (record['Job ID'] ?? '').trim();
    if (jobId === '') {
      rejectedRows.push({ row, reason: 'Job ID is empty; every job needs the id it has in the source.' });
      return;
    }
    const group = byJobId.get(jobId) ?? [];
    try {
      group.push({ row, mapped: mapRow(record, row) });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      group.push({ row, reason: error.message });
    }
    byJobId.set(jobId, group);
  });

  // The postings of one Job ID are versions of one job: one that maps is enough, and the job accounts for all its rows.
  const jobs: Array<{ input: JobImportInput; rows: number[] }> = [];
  for (const group of byJobId.values()) {
    const candidates = group.flatMap((entry) => (entry.mapped ? [entry.mapped] : []));
    const chosen = candidates.sort(preferLatestExternal)[0];
    if (chosen) jobs.push({ input: chosen.input, rows: group.map((entry) => entry.row) });
    else rejectedRows.push(...group.map((entry) => ({ row: entry.row, reason: entry.reason! })));
  }
  rejectedRows.sort((a, b) => a.row - b.row);
  return { jobs, rejectedRows };
}

function preferLatestExternal(a: MappedRow, b: MappedRow): number {
  if (a.external !== b.external) return a.external ? -1 : 1;
  return (b.input.publishedAt ?? '').localeCompare(a.input.publishedAt ?? '');
}

function mapRow(record: CsvRecord, row: number): MappedRow {
  const externalId = required(record, 'Job ID', row);
  const title = cleanText(required(record, 'Business Title', row))!;
  const companyName = nycAgencyName(required(record, 'Agency', row));
  const description = cleanText(record['Job Description']) ?? describePosition(record, title, companyName);

  const flag = (record['Full-Time/Part-Time indicator'] ?? '').trim();
  const employmentType = employmentTypes[flag];
  if (flag === '') {
    throw new RowError('Full-Time/Part-Time indicator is empty; a job needs an employment type, and this one is not guessed. Fill in F or P and import again.');
  }
  if (!employmentType) throw new RowError(`Full-Time/Part-Time indicator "${flag}" is not F or P.`);

  const categories = splitNycCategories(record['Job Category'] ?? '');
  const requirements = joinSections(cleanText(record['Minimum Qual Requirements']), cleanText(record['Preferred Skills']));

  const input: JobImportInput = {
    externalId,
    companyName,
    title,
    description,
    requirements,
    employmentType,
    // Every posting names a street address and no remote or hybrid arrangement.
    workplaceType: 'ONSITE',
    location: cleanText(record['Work Location']),
    salary: mapSalary(record),
    publishedAt: mapPostingDate(record['Posting Date'] ?? ''),
    categoryNames: categories.unknown ? [...categories.names, categories.unknown] : categories.names,
  };
  return { row, external: (record['Posting Type'] ?? '').trim() === 'External', input };
}

/**
 * Most rows of the data set have an empty Job Description, so the description
 * is written from the columns every row has: the unit, the agency and the
 * civil service title with its code and level.
 */
function describePosition(record: CsvRecord, title: string, companyName: string): string {
  const unit = cleanText(record['Division/Work Unit']);
  const civilServiceTitle = cleanText(record['Civil Service Title']);
  const code = (record['Title Code No'] ?? '').trim();
  const level = (record['Level'] ?? '').trim();
  const sentences = [`${title}${unit ? ` in ${unit}` : ''} at ${companyName}.`];
  if (civilServiceTitle) {
    const details = [code && `title code ${code}`, level && `level ${level}`].filter(Boolean).join(', ');
    sentences.push(`Civil service title: ${civilServiceTitle}${details ? ` (${details})` : ''}.`);
  }
  return sentences.join(' ');
}

function required(record: CsvRecord, column: string, row: number): string {
  const value = (record[column] ?? '').trim();
  if (value === '') throw new RowError(`${column} is empty in row ${row}.`);
  return value;
}

function joinSections(requirements: string | null, preferredSkills: string | null): string | null {
  if (requirements && preferredSkills) return `${requirements}\n\nPreferred skills:\n${preferredSkills}`;
  if (preferredSkills) return `Preferred skills:\n${preferredSkills}`;
  return requirements;
}

function mapSalary(record: CsvRecord): JobImportInput['salary'] {
  const frequency = (record['Salary Frequency'] ?? '').trim();
  const from = (record['Salary Range From'] ?? '').trim();
  const to = (record['Salary Range To'] ?? '').trim();
  if (from === '' && to === '') return null;
  const period = salaryPeriods[frequency];
  if (!period) throw new RowError(`Salary Frequency "${frequency}" is not Annual, Daily or Hourly.`);
  const min = from === '' ? null : parseAmount('Salary Range From', from);
  const max = to === '' ? null : parseAmount('Salary Range To', to);
  if (min !== null && max !== null && min > max) {
    throw new RowError(`Salary Range From ${from} is above Salary Range To ${to}.`);
  }
  return { min, max, currency: 'USD', period };
}

function parseAmount(column: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RowError(`${column} "${value}" is not an amount.`);
  return Number(value);
}

/** Converts the posting date, a local date-time without offset in the file, to midnight UTC of that calendar day. */
function mapPostingDate(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new RowError('Posting Date is empty; an imported job is published, so it needs its posting date.');
  const match = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+)?$/.exec(trimmed);
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) {
    throw new RowError(`Posting Date "${shorten(trimmed)}" is not a date; the row's columns may be shifted.`);
  }
  return `${match[1]}T00:00:00.000Z`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
