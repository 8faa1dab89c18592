import type { JobImportInput, MappedFile } from './job-import-input.ts';
import type { CsvRecord } from './nyc-jobs-mapping.ts';
import { cleanText } from './repair-text.ts';

/**
 * The generic column set, one job per row. The `requiredGenericColumns` must
 * be in the header and filled in every row; lists (`categories`, `skills`)
 * are separated by `;`. Enum columns take the schema's values (`FULL_TIME`,
 * `REMOTE`, `YEAR`, ...).
 */
export const genericColumns = [
  'external_id',
  'company',
  'title',
  'description',
  'requirements',
  'responsibilities',
  'benefits',
  'employment_type',
  'experience_level',
  'workplace_type',
  'location',
  'salary_min',
  'salary_max',
  'salary_currency',
  'salary_period',
  'published_at',
  'application_deadline',
  'categories',
  'skills',
] as const;

export const requiredGenericColumns = ['external_id', 'company', 'title', 'description', 'employment_type', 'workplace_type'] as const;

class RowError extends Error {}

/**
 * Maps rows of the generic column set to job inputs. Values the API would
 * reject for a whole request, such as an unknown enum value or a malformed
 * date, are checked here so that they reject their row only. The server
 * checks the rest of the rules per job. A row that repeats an earlier row's external id
 * is rejected here too, with the earlier row's number. The server could name
 * only a position in the batch, and a repeat in a later batch would update
 * the earlier row's job.
 */
export function mapGenericJobs(records: readonly CsvRecord[], rowOf: (index: number) => number = (index) => index + 2): MappedFile {
  const jobs: Array<{ input: JobImportInput; rows: number[] }> = [];
  const rejectedRows: Array<{ row: number; reason: string }> = [];
  const rowByExternalId = new Map<string, number>();
  records.forEach((record, index) => {
    const row = rowOf(index);
    try {
      const input = mapRow(record);
      const firstRow = rowByExternalId.get(input.externalId);
      if (firstRow !== undefined) {
        throw new RowError(`external_id "${input.externalId}" repeats row ${firstRow}; give each job its own external_id, or remove the repeated row.`);
      }
      rowByExternalId.set(input.externalId, row);
      jobs.push({ input, rows: [row] });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rejectedRows.push({ row, reason: error.message });
    }
  });
  return { jobs, rejectedRows };
}

function mapRow(record: CsvRecord): JobImportInput {
  const text = (column: string) => cleanText(record[column]);
  const required = (column: string) => {
    const value = text(column);
    if (!value) throw new RowError(`${column} is empty.`);
    return value;
  };
  const list = (column: string) => (record[column] ?? '').split(';').map((item) => item.trim()).filter(Boolean);
  const amount = (column: string) => {
    const value = (record[column] ?? '').trim();
    if (value === '') return null;
    if (!/^\d+(\.\d+)?$/.test(value)) throw new RowError(`${column} "${value}" is not an amount.`);
    return Number(value);
  };

  const choice = <T extends string>(column: string, values: readonly T[], isRequired: boolean): T | null => {
    const value = text(column);
    if (value === null) {
      if (isRequired) throw new RowError(`${column} is empty; use one of ${values.join(', ')}.`);
      return null;
    }
    if (!values.includes(value as T)) throw new RowError(`${column} "${value}" is not one of ${values.join(', ')}.`);
    return value as T;
  };
  const employmentType = choice('employment_type', ['FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'TEMPORARY'] as const, true);
  const workplaceType = choice('workplace_type', ['ONSITE', 'HYBRID', 'REMOTE'] as const, true);
  const experienceLevel = choice('experience_level', ['ENTRY', 'JUNIOR', 'MID', 'SENIOR', 'LEAD', 'EXECUTIVE'] as const, false);
  const period = choice('salary_period', ['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR'] as const, false);
  const currency = text('salary_currency');
  const publishedAt = text('published_at');
  if (publishedAt !== null && !isDateTime(publishedAt)) {
    throw new RowError(`published_at "${publishedAt}" is not a date-time with offset from year 0001 to 9999, such as 2026-03-01T09:00:00Z.`);
  }
  const deadline = text('application_deadline');
  if (deadline !== null && !isCalendarDate(deadline)) {
    throw new RowError(`application_deadline "${deadline}" is not a date from year 0001 to 9999, such as 2026-03-31.`);
  }
  const min = amount('salary_min');
  const max = amount('salary_max');
  if ((min !== null || max !== null) && (!currency || !period)) {
    throw new RowError('salary_min or salary_max is set without salary_currency and salary_period.');
  }
  return {
    externalId: required('external_id'),
    companyName: required('company'),
    title: required('title'),
    description: required('description'),
    requirements: text('requirements'),
    responsibilities: text('responsibilities'),
    benefits: text('benefits'),
    employmentType,
    experienceLevel,
    workplaceType,
    location: text('location'),
    salary: currency && period ? { min, max, currency, period } : null,
    publishedAt,
    applicationDeadline: deadline,
    categoryNames: list('categories'),
    skillNames: list('skills'),
  };
}

/** Tells whether `value` is an ISO 8601 date-time with offset whose UTC year is 0001 to 9999, the range the API accepts. */
function isDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  if (!isCalendarDate(value.slice(0, 10))) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** Tells whether `value` is a `YYYY-MM-DD` date that exists, from year 0001 to 9999: "2026-02-30" does not. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
