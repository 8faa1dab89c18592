import { newId } from '@jobgraph/kit';
import { sql, type Transaction } from 'kysely';
import type { JobSkillValues } from '../domain/job-input.ts';
import type { NamedEntry } from '../domain/job-import.ts';
import { foldForSearch } from '../domain/text.ts';
import type { CompanyRow, JobRow, JobsDatabase } from './database.ts';

type Trx = Transaction<JobsDatabase>;

/** The categories and skills of a job. */
export interface JobLinks {
  readonly categoryIds: readonly string[];
  readonly skills: readonly JobSkillValues[];
}

export function findJobsByExternalIds(trx: Trx, tenantId: string, externalIds: readonly string[]): Promise<JobRow[]> {
  if (externalIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('external_id', 'in', externalIds).forUpdate().execute();
}

/** Reads the categories and skills of each job in `jobIds`, sorted by id so that two link sets compare as lists. */
export async function readLinksOfJobs(trx: Trx, tenantId: string, jobIds: readonly string[]): Promise<Map<string, JobLinks>> {
  const links = new Map<string, { categoryIds: string[]; skills: JobSkillValues[] }>(jobIds.map((id) => [id, { categoryIds: [], skills: [] }]));
  if (jobIds.length === 0) return links;
  const categories = await trx
    .selectFrom('job_categories')
    .select(['job_id', 'category_id'])
    .where('tenant_id', '=', tenantId)
    .where('job_id', 'in', jobIds)
    .orderBy('category_id')
    .execute();
  const skills = await trx
    .selectFrom('job_skills')
    .select(['job_id', 'skill_id', 'is_required', 'level'])
    .where('tenant_id', '=', tenantId)
    .where('job_id', 'in', jobIds)
    .orderBy('skill_id')
    .execute();
  for (const row of categories) links.get(row.job_id)?.categoryIds.push(row.category_id);
  for (const { job_id: jobId, ...skill } of skills) links.get(jobId)?.skills.push(skill);
  return links;
}

/** Finds the tenant's companies whose names match `names` ignoring case. The oldest wins when two share a name. */
export async function findCompaniesByNames(trx: Trx, tenantId: string, names: readonly string[]): Promise<Map<string, CompanyRow>> {
  const byName = new Map<string, CompanyRow>();
  if (names.length === 0) return byName;
  const rows = await trx
    .selectFrom('companies')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(name)`, 'in', names.map((name) => name.toLowerCase()))
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const key = row.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, row);
  }
  return byName;
}

/** Returns the ids of the categories with the slugs of `entries`, creating the missing ones as roots. */
export async function ensureCategories(trx: Trx, tenantId: string, entries: readonly NamedEntry[]): Promise<Map<string, string>> {
  if (entries.length === 0) return new Map();
  await trx
    .insertInto('categories')
    .values(entries.map((entry) => ({ tenant_id: tenantId, id: newId(), parent_id: null, name: entry.name, slug: entry.slug, position: 1000 })))
    .onConflict((conflict) => conflict.columns(['tenant_id', 'slug']).doNothing())
    .execute();
  const rows = await trx.selectFrom('categories').select(['id', 'slug']).where('tenant_id', '=', tenantId).where('slug', 'in', entries.map((entry) => entry.slug)).execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** Returns the ids of the skills with the slugs of `entries`, creating the missing ones. */
export async function ensureSkills(trx: Trx, tenantId: string, entries: readonly NamedEntry[]): Promise<Map<string, string>> {
  if (entries.length === 0) return new Map();
  await trx
    .insertInto('skills')
    .values(entries.map((entry) => ({ tenant_id: tenantId, id: newId(), name: entry.name, slug: entry.slug, search_name: foldForSearch(entry.name) })))
    .onConflict((conflict) => conflict.columns(['tenant_id', 'slug']).doNothing())
    .execute();
  const rows = await trx.selectFrom('skills').select(['id', 'slug']).where('tenant_id', '=', tenantId).where('slug', 'in', entries.map((entry) => entry.slug)).execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}
