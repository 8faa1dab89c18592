import type { JobImportInput, MappedFile } from './job-import-input.ts';
import type { CsvRecord } from './nyc-jobs-mapping.ts';
import { cleanText } from './repair-text.ts';

/**
 * The generic column set, one job per row. `external_id`, `company`, `title`
 * and `description` are required; lists (`categories`, `skills`) are
 * separated by `;`. Enum columns take the schema's values (`FULL_TIME`,
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

class RowError extends Error {}

/** Maps rows of the generic column set to job inputs; enum and date values are checked by the server. */
export function mapGenericJobs(records: readonly CsvRecord[], firstRow = 2): MappedFile {
  const jobs: Array<{ input: JobImportInput; rows: number[] }> = [];
  const rejectedRows: Array<{ row: number; reason: string }> = [];
  records.forEach((record, index) => {
    const row = firstRow + index;
    try {
      jobs.push({ input: mapRow(record), rows: [row] });
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

  const currency = text('salary_currency');
  const period = text('salary_period');
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
    employmentType: text('employment_type') as JobImportInput['employmentType'],
    experienceLevel: text('experience_level') as JobImportInput['experienceLevel'],
    workplaceType: text('workplace_type') as JobImportInput['workplaceType'],
    location: text('location'),
    salary: currency && period ? { min, max, currency, period: period as NonNullable<JobImportInput['salary']>['period'] } : null,
    publishedAt: text('published_at'),
    applicationDeadline: text('application_deadline'),
    categoryNames: list('categories'),
    skillNames: list('skills'),
  };
}
