import { badUserInput } from '@jobgraph/kit';
import type { JobStatus } from '../db/database.ts';
import { checkName } from './field-checks.ts';
import { jobLimits, parseJobInput, type JobInput, type JobValues } from './job-input.ts';
import { slugify } from './text.ts';

/** `JobImportInput` of the schema: a job whose company, categories and skills are named rather than referenced by id. */
export interface JobImportInput extends Omit<JobInput, 'externalId' | 'categoryIds' | 'skills' | 'isFeatured'> {
  readonly externalId: string;
  readonly companyName: string;
  readonly publishedAt?: Date | null;
  readonly categoryNames?: readonly string[] | null;
  readonly skillNames?: readonly string[] | null;
}

/** A name of a category or skill with the slug it is matched by. */
export interface NamedEntry {
  readonly name: string;
  readonly slug: string;
}

/** One validated job of an import. */
export interface ParsedImport {
  readonly externalId: string;
  readonly companyName: string;
  readonly values: JobValues & Required<Pick<JobValues, 'title' | 'description' | 'employment_type' | 'workplace_type'>>;
  /** PUBLISHED when the input has `publishedAt`, else DRAFT; it applies to new jobs only. */
  readonly status: Extract<JobStatus, 'DRAFT' | 'PUBLISHED'>;
  readonly publishedAt: Date | null;
  readonly categories: readonly NamedEntry[];
  readonly skills: readonly NamedEntry[];
}

const clearedFields: JobValues = {
  requirements: null,
  responsibilities: null,
  benefits: null,
  experience_level: null,
  location: null,
  salary_min: null,
  salary_max: null,
  salary_currency: null,
  salary_period: null,
  application_deadline: null,
};

export const importLimits = { jobsMax: 500, companyNameMax: 200, entryNameMax: 100 } as const;

/**
 * Validates one job of an import with the rules of `createJob`, and raises
 * BAD_USER_INPUT for the first rule it breaks. The caller reports that job
 * as rejected and goes on with the others.
 */
export function parseImportItem(input: JobImportInput, now: Date, today: string): ParsedImport {
  const externalId = checkName('externalId', input.externalId, 1, jobLimits.externalIdMax);
  const companyName = checkName('companyName', input.companyName, 2, importLimits.companyNameMax);
  if (!input.employmentType) {
    throw badUserInput('employmentType is missing; give one of FULL_TIME, PART_TIME, CONTRACT, INTERNSHIP or TEMPORARY.', { field: 'employmentType' });
  }
  if (!input.workplaceType) {
    throw badUserInput('workplaceType is missing; give one of ONSITE, HYBRID or REMOTE.', { field: 'workplaceType' });
  }
  const { categoryNames, skillNames, publishedAt, companyName: _companyName, externalId: _externalId, ...fields } = input;
  const { values } = parseJobInput(fields, today);
  if (publishedAt && publishedAt.getTime() > now.getTime()) {
    throw badUserInput(`publishedAt "${publishedAt.toISOString()}" is in the future; give the time the job was published, or leave it out to import a DRAFT.`, {
      field: 'publishedAt',
    });
  }
  return {
    externalId,
    companyName,
    // The file is the source of the job, so a field it leaves out is cleared on a job imported before.
    values: { ...clearedFields, ...values } as ParsedImport['values'],
    status: publishedAt ? 'PUBLISHED' : 'DRAFT',
    publishedAt: publishedAt ?? null,
    categories: parseNames('categoryNames', categoryNames, jobLimits.categoriesMax),
    skills: parseNames('skillNames', skillNames, jobLimits.skillsMax),
  };
}

function parseNames(field: string, names: readonly string[] | null | undefined, max: number): NamedEntry[] {
  const entries = new Map<string, NamedEntry>();
  for (const raw of names ?? []) {
    const name = checkName(field, raw, 1, importLimits.entryNameMax);
    const slug = slugify(name);
    if (slug === '') throw badUserInput(`${field} "${name}" has no letter or digit to make a slug from; remove it or fix the name.`, { field });
    if (!entries.has(slug)) entries.set(slug, { name, slug });
  }
  if (entries.size > max) throw badUserInput(`${field} names ${entries.size} entries; a job takes at most ${max}.`, { field });
  return [...entries.values()];
}
