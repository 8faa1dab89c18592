import { badUserInput, parseId } from '@jobgraph/kit';
import type { EmploymentType, ExperienceLevel, SalaryPeriod, SkillLevel, WorkplaceType } from '../db/database.ts';
import { isCurrencyCode } from './currency-codes.ts';
import { checkLength, checkName, checkOptionalLine, checkOptionalText, quote, rejectNull } from './field-checks.ts';

export interface SalaryInput {
  readonly min?: number | null;
  readonly max?: number | null;
  readonly currency: string;
  readonly period: SalaryPeriod;
}

export interface JobSkillInput {
  readonly skillId: string;
  readonly isRequired?: boolean | null;
  readonly level?: SkillLevel | null;
}

/** `CreateJobInput` without `companyId`, and `UpdateJobInput`; an update may leave any field out. */
export interface JobInput {
  readonly externalId?: string | null;
  readonly title?: string | null;
  readonly description?: string | null;
  readonly requirements?: string | null;
  readonly responsibilities?: string | null;
  readonly benefits?: string | null;
  readonly employmentType?: EmploymentType | null;
  readonly experienceLevel?: ExperienceLevel | null;
  readonly workplaceType?: WorkplaceType | null;
  readonly location?: string | null;
  readonly salary?: SalaryInput | null;
  readonly isFeatured?: boolean | null;
  readonly applicationDeadline?: string | null;
  readonly categoryIds?: readonly string[] | null;
  readonly skills?: readonly JobSkillInput[] | null;
}

/** The columns of `jobs` a job input sets, validated. */
export interface JobValues {
  external_id?: string | null;
  title?: string;
  description?: string;
  requirements?: string | null;
  responsibilities?: string | null;
  benefits?: string | null;
  employment_type?: EmploymentType;
  experience_level?: ExperienceLevel | null;
  workplace_type?: WorkplaceType;
  location?: string | null;
  salary_min?: string | null;
  salary_max?: string | null;
  salary_currency?: string | null;
  salary_period?: SalaryPeriod | null;
  is_featured?: boolean;
  application_deadline?: string | null;
}

export interface JobSkillValues {
  readonly skill_id: string;
  readonly is_required: boolean;
  readonly level: SkillLevel | null;
}

/** A validated job input: its columns, and the categories and skills that replace the job's own when given. */
export interface ParsedJobInput {
  readonly values: JobValues;
  readonly categoryIds: readonly string[] | undefined;
  readonly skills: readonly JobSkillValues[] | undefined;
}

export const jobLimits = {
  titleMin: 3,
  titleMax: 150,
  descriptionMin: 30,
  descriptionMax: 20_000,
  sectionMax: 10_000,
  locationMax: 200,
  externalIdMax: 200,
  categoriesMax: 10,
  skillsMax: 30,
  /** Large enough for a yearly pay in a currency of small units, such as IDR. */
  salaryMax: 1e12,
  salaryDecimals: 4,
} as const;

/**
 * Validates the fields present in `input` and returns what they set. Fields
 * left out stay out, so the same function serves create and update; `today`
 * is the UTC calendar date the deadline is checked against.
 */
export function parseJobInput(input: JobInput, today: string): ParsedJobInput {
  const values: JobValues = {};
  if (input.externalId !== undefined) values.external_id = checkOptionalText('externalId', input.externalId, jobLimits.externalIdMax);
  if (input.title !== undefined) {
    rejectNull('title', input.title);
    values.title = checkName('title', input.title as string, jobLimits.titleMin, jobLimits.titleMax);
  }
  if (input.description !== undefined) {
    rejectNull('description', input.description);
    values.description = checkLength('description', input.description as string, jobLimits.descriptionMin, jobLimits.descriptionMax);
  }
  if (input.requirements !== undefined) values.requirements = checkOptionalText('requirements', input.requirements, jobLimits.sectionMax);
  if (input.responsibilities !== undefined) {
    values.responsibilities = checkOptionalText('responsibilities', input.responsibilities, jobLimits.sectionMax);
  }
  if (input.benefits !== undefined) values.benefits = checkOptionalText('benefits', input.benefits, jobLimits.sectionMax);

  if (input.employmentType !== undefined) {
    rejectNull('employmentType', input.employmentType);
    values.employment_type = input.employmentType as EmploymentType;
  }
  if (input.experienceLevel !== undefined) values.experience_level = input.experienceLevel;
  if (input.workplaceType !== undefined) {
    rejectNull('workplaceType', input.workplaceType);
    values.workplace_type = input.workplaceType as WorkplaceType;
  }
  if (input.location !== undefined) values.location = checkOptionalLine('location', input.location, jobLimits.locationMax);

  if (input.salary !== undefined) Object.assign(values, parseSalary(input.salary));
  if (input.isFeatured !== undefined) {
    rejectNull('isFeatured', input.isFeatured);
    values.is_featured = input.isFeatured as boolean;
  }
  if (input.applicationDeadline !== undefined) values.application_deadline = checkDeadline(input.applicationDeadline, today);

  return {
    values,
    categoryIds: input.categoryIds === undefined ? undefined : parseCategoryIds(input.categoryIds),
    skills: input.skills === undefined ? undefined : parseSkills(input.skills),
  };
}

/** Returns today's calendar date in UTC, `YYYY-MM-DD`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Raises BAD_USER_INPUT when `deadline` lies before `today`. A deadline of
 * today is accepted: it is the last day applications are taken.
 */
export function checkDeadline(deadline: string | null, today: string): string | null {
  if (deadline === null) return null;
  if (deadline < today) {
    throw badUserInput(`applicationDeadline "${deadline}" is in the past; use today (${today}, UTC) or a later date, or null for no deadline.`, {
      field: 'applicationDeadline',
    });
  }
  return deadline;
}

function parseSalary(salary: SalaryInput | null): JobValues {
  if (salary === null) return { salary_min: null, salary_max: null, salary_currency: null, salary_period: null };
  const min = checkAmount('salary.min', salary.min);
  const max = checkAmount('salary.max', salary.max);
  if (min === null && max === null) {
    throw badUserInput('salary has neither min nor max; give at least one of them, or set salary to null.', { field: 'salary' });
  }
  if (min !== null && max !== null && min > max) {
    throw badUserInput(`salary.min ${min} is greater than salary.max ${max}; make min at most max.`, { field: 'salary.min' });
  }
  if (!isCurrencyCode(salary.currency)) {
    throw badUserInput(`salary.currency ${quote(salary.currency)} is not an ISO 4217 currency code; use an upper-case three-letter code such as "EUR" or "USD".`, {
      field: 'salary.currency',
    });
  }
  return {
    salary_min: min === null ? null : String(min),
    salary_max: max === null ? null : String(max),
    salary_currency: salary.currency,
    salary_period: salary.period,
  };
}

function checkAmount(field: string, amount: number | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  if (!Number.isFinite(amount) || amount < 0 || amount > jobLimits.salaryMax) {
    throw badUserInput(`${field} ${amount} is out of range; use an amount from 0 to ${jobLimits.salaryMax} in units of the currency.`, { field });
  }
  const scale = 10 ** jobLimits.salaryDecimals;
  if (Math.round(amount * scale) / scale !== amount) {
    throw badUserInput(`${field} ${amount} has more than ${jobLimits.salaryDecimals} decimal places; round it to at most ${jobLimits.salaryDecimals}.`, { field });
  }
  return amount;
}

function parseCategoryIds(categoryIds: readonly string[] | null): string[] {
  if (categoryIds === null) return [];
  const ids = [...new Set(categoryIds.map((id) => parseId(id, 'categoryIds')))];
  if (ids.length > jobLimits.categoriesMax) {
    throw badUserInput(`categoryIds names ${ids.length} categories; a job takes at most ${jobLimits.categoriesMax}.`, { field: 'categoryIds' });
  }
  return ids;
}

function parseSkills(skills: readonly JobSkillInput[] | null): JobSkillValues[] {
  if (skills === null) return [];
  if (skills.length > jobLimits.skillsMax) {
    throw badUserInput(`skills lists ${skills.length} skills; a job takes at most ${jobLimits.skillsMax}.`, { field: 'skills' });
  }
  const seen = new Set<string>();
  return skills.map((skill) => {
    const skillId = parseId(skill.skillId, 'skills.skillId');
    if (seen.has(skillId)) {
      throw badUserInput(`skills lists skill "${skillId}" twice; list each skill once.`, { field: 'skills' });
    }
    seen.add(skillId);
    return { skill_id: skillId, is_required: skill.isRequired ?? true, level: skill.level ?? null };
  });
}
