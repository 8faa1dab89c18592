import {
  appendEvent,
  badUserInput,
  conflict,
  forbidden,
  inTenant,
  invariant,
  newId,
  notFound,
  parseId,
  requireRole,
  requireTenant,
  type Viewer,
} from '@jobgraph/kit';
import type { Transaction } from 'kysely';
import { lockCompanyShared } from '../db/company-writes.ts';
import type { JobRow, JobsDatabase } from '../db/database.ts';
import {
  deleteJobRow,
  findJobIdByExternalId,
  findMissingCategoryIds,
  findMissingSkillIds,
  insertJob,
  insertJobCategories,
  insertJobSkills,
  lockJob,
  readJobLinks,
  replaceJobCategories,
  replaceJobSkills,
  updateJobRow,
} from '../db/job-writes.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { parseJobInput, utcDate, type JobInput, type ParsedJobInput } from '../domain/job-input.ts';
import { transitionJob, type JobAction } from '../domain/job-lifecycle.ts';
import { toJobSnapshot } from '../domain/snapshots.ts';
import type { JobsContext } from './context.ts';

type Trx = Transaction<JobsDatabase>;

export const jobMutations = {
  createJob: async (_: unknown, args: { input: JobInput & { companyId: string } }, ctx: JobsContext) => {
    const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
    const tenant = requireTenant(ctx);
    const { companyId: rawCompanyId, ...input } = args.input;
    const companyId = parseId(rawCompanyId, 'companyId');
    const parsed = parseJobInput(input, utcDate(new Date()));
    rejectFeaturedByEmployer(viewer, parsed);
    const { title, description, employment_type, workplace_type } = parsed.values;
    invariant(title && description && employment_type && workplace_type, 'CreateJobInput makes these fields non-null.');

    return inTenant(ctx.db, tenant.id, async (trx) => {
      const company = await lockCompanyShared(trx, tenant.id, companyId);
      if (!company) throw notFound(`Company "${companyId}" does not exist in this tenant; pick an id from companies.`, { field: 'companyId' });
      if (viewer.role !== 'ADMIN' && company.owner_id !== viewer.userId) {
        throw forbidden(`Company "${companyId}" belongs to another employer; you can post jobs only for companies you own.`);
      }
      await checkReferences(trx, tenant.id, parsed, null);
      const job = await insertJob(trx, {
        ...parsed.values,
        title,
        description,
        employment_type,
        workplace_type,
        tenant_id: tenant.id,
        id: newId(),
        company_id: companyId,
        // A job belongs to the company's owner, also when an ADMIN posts it.
        employer_id: company.owner_id,
        status: 'DRAFT',
      }).catch(rethrowExternalIdConflict(parsed.values.external_id));
      const links = { categoryIds: parsed.categoryIds ?? [], skills: parsed.skills ?? [] };
      await insertJobCategories(trx, tenant.id, job.id, links.categoryIds);
      await insertJobSkills(trx, tenant.id, job.id, links.skills);
      await appendEvent(trx, { type: 'job.created', tenantId: tenant.id, aggregateId: job.id, payload: toJobSnapshot(job, links) });
      return job;
    });
  },

  updateJob: async (_: unknown, args: { id: string; input: JobInput }, ctx: JobsContext) => {
    const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
    const tenant = requireTenant(ctx);
    const id = parseId(args.id, 'id');
    const parsed = parseJobInput(args.input, utcDate(new Date()));
    rejectFeaturedByEmployer(viewer, parsed);

    return inTenant(ctx.db, tenant.id, async (trx) => {
      const existing = await lockJobForChange(trx, tenant.id, viewer, id, 'update');
      transitionJob(id, existing.status, 'update');
      await checkReferences(trx, tenant.id, parsed, id);
      const job = await updateJobRow(trx, tenant.id, id, parsed.values).catch(rethrowExternalIdConflict(parsed.values.external_id));
      if (parsed.categoryIds) await replaceJobCategories(trx, tenant.id, id, parsed.categoryIds);
      if (parsed.skills) await replaceJobSkills(trx, tenant.id, id, parsed.skills);
      const changedFields = Object.keys(args.input).filter((field) => args.input[field as keyof JobInput] !== undefined);
      const links = await readJobLinks(trx, tenant.id, id);
      await appendEvent(trx, {
        type: 'job.updated',
        tenantId: tenant.id,
        aggregateId: id,
        payload: { ...toJobSnapshot(job, links), changedFields },
      });
      return job;
    });
  },

  publishJob: (_: unknown, args: { id: string }, ctx: JobsContext) => changeJobStatus(ctx, args.id, 'publish'),
  closeJob: (_: unknown, args: { id: string }, ctx: JobsContext) => changeJobStatus(ctx, args.id, 'close'),
  archiveJob: (_: unknown, args: { id: string }, ctx: JobsContext) => changeJobStatus(ctx, args.id, 'archive'),

  deleteJob: async (_: unknown, args: { id: string }, ctx: JobsContext) => {
    const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
    const tenant = requireTenant(ctx);
    const id = parseId(args.id, 'id');
    return inTenant(ctx.db, tenant.id, async (trx) => {
      const job = await lockJobForChange(trx, tenant.id, viewer, id, 'delete');
      transitionJob(id, job.status, 'delete');
      await deleteJobRow(trx, tenant.id, id);
      await appendEvent(trx, {
        type: 'job.deleted',
        tenantId: tenant.id,
        aggregateId: id,
        payload: { companyId: job.company_id, employerId: job.employer_id, deletedAt: new Date() },
      });
      return id;
    });
  },
};

const statusEvents = { publish: 'job.published', close: 'job.closed', archive: 'job.archived' } as const;

/** Moves a job through the lifecycle by `action` and appends the matching event. */
async function changeJobStatus(ctx: JobsContext, rawId: string, action: keyof typeof statusEvents): Promise<JobRow> {
  const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
  const tenant = requireTenant(ctx);
  const id = parseId(rawId, 'id');
  const now = new Date();
  return inTenant(ctx.db, tenant.id, async (trx) => {
    const existing = await lockJobForChange(trx, tenant.id, viewer, id, action);
    const status = transitionJob(id, existing.status, action);
    invariant(status !== null, `The ${action} transition keeps the job.`);
    if (action === 'publish') checkDeadlineOpen(existing, utcDate(now));
    const job = await updateJobRow(trx, tenant.id, id, { status, ...(action === 'publish' ? { published_at: now } : {}) });
    const links = await readJobLinks(trx, tenant.id, id);
    await appendEvent(trx, { type: statusEvents[action], tenantId: tenant.id, aggregateId: id, payload: toJobSnapshot(job, links) });
    return job;
  });
}

/**
 * Reads and locks the job a mutation changes. A job the viewer may not see
 * is NOT_FOUND, so that its existence does not leak. A PUBLISHED job of
 * another employer is visible to everyone, so changing it is FORBIDDEN.
 */
async function lockJobForChange(trx: Trx, tenantId: string, viewer: Viewer, id: string, action: JobAction): Promise<JobRow> {
  const job = await lockJob(trx, tenantId, id);
  const owns = job !== undefined && (viewer.role === 'ADMIN' || job.employer_id === viewer.userId);
  if (!job || (!owns && job.status !== 'PUBLISHED')) throw notFound(`Job "${id}" does not exist in this tenant; check the id.`);
  if (!owns) throw forbidden(`Job "${id}" belongs to another employer; only its employer or an ADMIN may ${action} it.`);
  return job;
}

function checkDeadlineOpen(job: JobRow, today: string): void {
  if (job.application_deadline !== null && job.application_deadline < today) {
    throw badUserInput(
      `Job "${job.id}" has applicationDeadline "${job.application_deadline}", which has passed; set a deadline of today (${today}, UTC) or later with updateJob, then publish it.`,
      { field: 'applicationDeadline' },
    );
  }
}

function rejectFeaturedByEmployer(viewer: Viewer, parsed: ParsedJobInput): void {
  if (parsed.values.is_featured !== undefined && viewer.role !== 'ADMIN') {
    throw forbidden('Only an ADMIN may set isFeatured; leave it out of the input.', { field: 'isFeatured' });
  }
}

/** Raises BAD_USER_INPUT for categories or skills that the tenant lacks, and CONFLICT for an externalId another job has. */
async function checkReferences(trx: Trx, tenantId: string, parsed: ParsedJobInput, jobId: string | null): Promise<void> {
  const missingCategories = await findMissingCategoryIds(trx, tenantId, parsed.categoryIds ?? []);
  if (missingCategories.length > 0) {
    throw badUserInput(`categoryIds ${quoteIds(missingCategories)} name no category of this tenant; pick ids from jobCategories.`, {
      field: 'categoryIds',
    });
  }
  const missingSkills = await findMissingSkillIds(trx, tenantId, (parsed.skills ?? []).map((skill) => skill.skill_id));
  if (missingSkills.length > 0) {
    throw badUserInput(`skills ${quoteIds(missingSkills)} name no skill of this tenant; pick ids from skills(search), or add a skill with createSkill.`, {
      field: 'skills',
    });
  }
  const externalId = parsed.values.external_id;
  if (externalId) {
    const holder = await findJobIdByExternalId(trx, tenantId, externalId);
    if (holder && holder !== jobId) throw externalIdTaken(externalId, holder);
  }
}

function externalIdTaken(externalId: string, holder: string | null) {
  const which = holder ? `job "${holder}"` : 'another job';
  return conflict(`externalId "${externalId}" already belongs to ${which}; external ids are unique in the tenant, so update that job instead.`, {
    field: 'externalId',
  });
}

// The check in checkReferences can lose a race with a concurrent insert; the unique index then decides.
function rethrowExternalIdConflict(externalId: string | null | undefined) {
  return (error: unknown): never => {
    if (externalId && isUniqueViolation(error, 'jobs_external_id_key')) throw externalIdTaken(externalId, null);
    throw error;
  };
}

function quoteIds(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}
