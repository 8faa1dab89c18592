import type { JobRow } from '../db/database.ts';
import type { JobValues, JobSkillValues } from './job-input.ts';

/** Columns of `JobValues` by the GraphQL field that sets them. */
const fieldColumns: Readonly<Record<string, readonly (keyof JobValues | 'company_id')[]>> = {
  companyId: ['company_id'],
  title: ['title'],
  description: ['description'],
  requirements: ['requirements'],
  responsibilities: ['responsibilities'],
  benefits: ['benefits'],
  employmentType: ['employment_type'],
  experienceLevel: ['experience_level'],
  workplaceType: ['workplace_type'],
  location: ['location'],
  salary: ['salary_min', 'salary_max', 'salary_currency', 'salary_period'],
  applicationDeadline: ['application_deadline'],
};

const amountColumns = new Set(['salary_min', 'salary_max']);

/**
 * Lists the GraphQL fields whose values differ between a stored job and the
 * values an import sets. Amounts compare as numbers, since `numeric` returns
 * "24.50" for what an import sends as 24.5.
 */
export function changedJobFields(
  job: JobRow,
  links: { readonly categoryIds: readonly string[]; readonly skills: readonly JobSkillValues[] },
  values: JobValues & { company_id: string },
  target: { readonly categoryIds: readonly string[]; readonly skills: readonly JobSkillValues[] },
): string[] {
  const changed = Object.entries(fieldColumns)
    .filter(([, columns]) => columns.some((column) => column in values && !sameValue(column, job[column], values[column])))
    .map(([field]) => field);
  if (JSON.stringify(links.categoryIds) !== JSON.stringify(target.categoryIds)) changed.push('categoryIds');
  if (JSON.stringify(links.skills.map(skillKey)) !== JSON.stringify(target.skills.map(skillKey))) changed.push('skills');
  return changed;
}

function sameValue(column: string, stored: unknown, next: unknown): boolean {
  if (amountColumns.has(column) && stored !== null && next !== null && next !== undefined) return Number(stored) === Number(next);
  return (stored ?? null) === (next ?? null);
}

function skillKey(skill: JobSkillValues): string {
  return `${skill.skill_id}:${skill.is_required}:${skill.level ?? ''}`;
}
