import type { JobSkillsTable, SkillRow } from './database.ts';
import type { Executor } from './job-queries.ts';
import { escapeLikePattern, foldForSearch } from '../domain/text.ts';

/** A skill attached to a job. */
export type JobSkillRow = SkillRow & Pick<JobSkillsTable, 'job_id' | 'is_required' | 'level'>;

export function findSkillsByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<SkillRow[]> {
  return db.selectFrom('skills').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** Finds up to `limit` skills whose name starts with `prefix`, ignoring case and accents, ordered by name. */
export function searchSkills(db: Executor, tenantId: string, prefix: string, limit: number): Promise<SkillRow[]> {
  let query = db.selectFrom('skills').selectAll().where('tenant_id', '=', tenantId);
  const folded = foldForSearch(prefix.trim());
  if (folded !== '') query = query.where('search_name', 'like', `${escapeLikePattern(folded)}%`);
  return query.orderBy('search_name').orderBy('id').limit(limit).execute();
}

export function findSkillBySlug(db: Executor, tenantId: string, slug: string): Promise<SkillRow | undefined> {
  return db.selectFrom('skills').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
}

/** Lists the skills of each job in `jobIds`, required ones first. */
export function listSkillsOfJobs(db: Executor, tenantId: string, jobIds: readonly string[]): Promise<JobSkillRow[]> {
  return db
    .selectFrom('job_skills')
    .innerJoin('skills', (join) => join.onRef('skills.tenant_id', '=', 'job_skills.tenant_id').onRef('skills.id', '=', 'job_skills.skill_id'))
    .selectAll('skills')
    .select(['job_skills.job_id', 'job_skills.is_required', 'job_skills.level'])
    .where('job_skills.tenant_id', '=', tenantId)
    .where('job_skills.job_id', 'in', jobIds)
    .orderBy('job_skills.is_required', 'desc')
    .orderBy('skills.search_name')
    .execute();
}
