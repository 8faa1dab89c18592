import type { Insertable, Transaction, Updateable } from 'kysely';
import type { JobSkillValues } from '../domain/job-input.ts';
import type { JobRow, JobsDatabase, JobsTable } from './database.ts';

type Trx = Transaction<JobsDatabase>;

/** Reads a job and locks its row until the transaction ends, so that two changes of one job run one after the other. */
export function lockJob(trx: Trx, tenantId: string, id: string): Promise<JobRow | undefined> {
  return trx.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertJob(trx: Trx, row: Insertable<JobsTable>): Promise<JobRow> {
  return trx.insertInto('jobs').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateJobRow(trx: Trx, tenantId: string, id: string, changes: Updateable<JobsTable>): Promise<JobRow> {
  return trx
    .updateTable('jobs')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteJobRow(trx: Trx, tenantId: string, id: string): Promise<void> {
  await trx.deleteFrom('jobs').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Replaces the categories of a job with `categoryIds`. */
export async function replaceJobCategories(trx: Trx, tenantId: string, jobId: string, categoryIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('job_categories').where('tenant_id', '=', tenantId).where('job_id', '=', jobId).execute();
  await insertJobCategories(trx, tenantId, jobId, categoryIds);
}

/** Replaces the skills of a job with `skills`. */
export async function replaceJobSkills(trx: Trx, tenantId: string, jobId: string, skills: readonly JobSkillValues[]): Promise<void> {
  await trx.deleteFrom('job_skills').where('tenant_id', '=', tenantId).where('job_id', '=', jobId).execute();
  await insertJobSkills(trx, tenantId, jobId, skills);
}

/** Attaches categories to a job that has none, such as a new one. */
export async function insertJobCategories(trx: Trx, tenantId: string, jobId: string, categoryIds: readonly string[]): Promise<void> {
  if (categoryIds.length === 0) return;
  await trx
    .insertInto('job_categories')
    .values(categoryIds.map((categoryId) => ({ tenant_id: tenantId, job_id: jobId, category_id: categoryId })))
    .execute();
}

/** Attaches skills to a job that has none, such as a new one. */
export async function insertJobSkills(trx: Trx, tenantId: string, jobId: string, skills: readonly JobSkillValues[]): Promise<void> {
  if (skills.length === 0) return;
  await trx
    .insertInto('job_skills')
    .values(skills.map((skill) => ({ tenant_id: tenantId, job_id: jobId, ...skill })))
    .execute();
}

/** Reads the categories and skills of one job, for the snapshot an event carries. */
export async function readJobLinks(trx: Trx, tenantId: string, jobId: string): Promise<{ categoryIds: string[]; skills: JobSkillValues[] }> {
  const categories = await trx
    .selectFrom('job_categories')
    .select('category_id')
    .where('tenant_id', '=', tenantId)
    .where('job_id', '=', jobId)
    .orderBy('category_id')
    .execute();
  const skills = await trx
    .selectFrom('job_skills')
    .select(['skill_id', 'is_required', 'level'])
    .where('tenant_id', '=', tenantId)
    .where('job_id', '=', jobId)
    .orderBy('skill_id')
    .execute();
  return { categoryIds: categories.map((row) => row.category_id), skills };
}

/** Returns the ids among `ids` that name no category of the tenant. */
export async function findMissingCategoryIds(trx: Trx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await trx.selectFrom('categories').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  const existing = new Set(found.map((row) => row.id));
  return ids.filter((id) => !existing.has(id));
}

/** Returns the ids among `ids` that name no skill of the tenant. */
export async function findMissingSkillIds(trx: Trx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await trx.selectFrom('skills').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  const existing = new Set(found.map((row) => row.id));
  return ids.filter((id) => !existing.has(id));
}

/** Returns the id of the tenant's job with `externalId`, if any. */
export async function findJobIdByExternalId(trx: Trx, tenantId: string, externalId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('jobs').select('id').where('tenant_id', '=', tenantId).where('external_id', '=', externalId).executeTakeFirst();
  return row?.id;
}
