import { appendEvent, badUserInput, inTenant, isClientError, newId, requireRole, requireTenant } from '@jobgraph/kit';
import type { GraphQLError } from 'graphql';
import type { Transaction } from 'kysely';
import { insertCompany } from '../db/company-writes.ts';
import type { CompanyRow, JobRow, JobsDatabase } from '../db/database.ts';
import { ensureCategories, ensureSkills, findCompaniesByNames, findJobsByExternalIds, readLinksOfJobs, type JobLinks } from '../db/import-queries.ts';
import { insertJob, insertJobCategories, insertJobSkills, replaceJobCategories, replaceJobSkills, updateJobRow } from '../db/job-writes.ts';
import { ensureStandardTaxonomy } from '../db/taxonomy-queries.ts';
import { importLimits, parseImportItem, type JobImportInput, type NamedEntry, type ParsedImport } from '../domain/job-import.ts';
import { utcDate } from '../domain/job-input.ts';
import { transitionJob } from '../domain/job-lifecycle.ts';
import { toCompanySnapshot, toJobSnapshot } from '../domain/snapshots.ts';
import { changedJobFields } from '../domain/job-changes.ts';
import type { JobsContext } from './context.ts';

type Trx = Transaction<JobsDatabase>;
type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

interface ImportResult {
  readonly index: number;
  readonly externalId: string | null;
  readonly outcome: Outcome;
  readonly reason: string | null;
  readonly job: JobRow | null;
}

type Item = { readonly index: number; readonly parsed: ParsedImport } | { readonly index: number; readonly rejected: ImportResult };

/**
 * Creates or updates jobs by `externalId`, so that importing the same batch
 * twice changes nothing the second time. Each job is validated on its own,
 * and a rejected one is reported with its reason. The accepted ones are
 * written in one transaction with their events.
 */
export async function importJobs(_: unknown, args: { input: { jobs: readonly JobImportInput[] } }, ctx: JobsContext) {
  const viewer = requireRole(ctx, 'ADMIN');
  const tenant = requireTenant(ctx);
  const { jobs } = args.input;
  if (jobs.length > importLimits.jobsMax) {
    throw badUserInput(`input.jobs has ${jobs.length} jobs; send at most ${importLimits.jobsMax} per request and the rest in further requests.`, {
      argument: 'input.jobs',
    });
  }
  const now = new Date();
  const items = rejectRepeatedExternalIds(jobs.map((input, index) => parseItem(input, index, now)));

  const results = await inTenant(ctx.db, tenant.id, async (trx) => {
    await ensureStandardTaxonomy(trx, tenant.id);
    const accepted = items.flatMap((item) => ('parsed' in item ? [item] : []));
    const existing = await findJobsByExternalIds(trx, tenant.id, accepted.map((item) => item.parsed.externalId));
    const existingByExternalId = new Map(existing.map((job) => [job.external_id!, job]));
    const links = await readLinksOfJobs(trx, tenant.id, existing.map((job) => job.id));
    const companies = await findOrCreateCompanies(trx, tenant.id, viewer.userId, accepted.map((item) => item.parsed.companyName));
    const categoryIds = await ensureCategories(trx, tenant.id, distinctEntries(accepted.flatMap((item) => item.parsed.categories)));
    const skillIds = await ensureSkills(trx, tenant.id, distinctEntries(accepted.flatMap((item) => item.parsed.skills)));

    const written: ImportResult[] = [];
    for (const item of items) {
      if (!('parsed' in item)) {
        written.push(item.rejected);
        continue;
      }
      const { parsed, index } = item;
      const company = companies.get(parsed.companyName.toLowerCase())!;
      const target: JobLinks = {
        // Sorted as readLinksOfJobs sorts, by the UUID's lower-case text, which is also PostgreSQL's uuid order.
        categoryIds: parsed.categories.map((entry) => categoryIds.get(entry.slug)!).sort(),
        skills: parsed.skills.map((entry) => ({ skill_id: skillIds.get(entry.slug)!, is_required: true, level: null })).sort((a, b) => (a.skill_id < b.skill_id ? -1 : 1)),
      };
      const previous = existingByExternalId.get(parsed.externalId);
      written.push(
        previous
          ? await updateImportedJob(trx, tenant.id, index, parsed, previous, links.get(previous.id)!, company, target)
          : await createImportedJob(trx, tenant.id, index, parsed, company, target),
      );
    }
    return written;
  });
  ctx.logger.info({ created: count(results, 'CREATED'), updated: count(results, 'UPDATED'), rejected: count(results, 'REJECTED') }, 'jobs imported');
  return { results };
}

function parseItem(input: JobImportInput, index: number, now: Date): Item {
  try {
    return { index, parsed: parseImportItem(input, now, utcDate(now)) };
  } catch (error) {
    if (!isClientError(error)) throw error;
    return { index, rejected: rejection(index, input.externalId, (error as GraphQLError).message) };
  }
}

function rejectRepeatedExternalIds(items: readonly Item[]): Item[] {
  const firstIndex = new Map<string, number>();
  return items.map((item) => {
    if (!('parsed' in item)) return item;
    const first = firstIndex.get(item.parsed.externalId);
    if (first === undefined) {
      firstIndex.set(item.parsed.externalId, item.index);
      return item;
    }
    return { index: item.index, rejected: rejection(item.index, item.parsed.externalId, `externalId "${item.parsed.externalId}" repeats job ${first} of this batch; send each job once.`) };
  });
}

async function createImportedJob(trx: Trx, tenantId: string, index: number, parsed: ParsedImport, company: CompanyRow, links: JobLinks): Promise<ImportResult> {
  const job = await insertJob(trx, {
    ...parsed.values,
    tenant_id: tenantId,
    id: newId(),
    external_id: parsed.externalId,
    company_id: company.id,
    employer_id: company.owner_id,
    status: parsed.status,
    published_at: parsed.publishedAt,
  });
  await insertJobCategories(trx, tenantId, job.id, links.categoryIds);
  await insertJobSkills(trx, tenantId, job.id, links.skills);
  // Consumers follow the lifecycle, so an imported PUBLISHED job is created as a DRAFT and then published in the log.
  const draft = { ...job, status: 'DRAFT' as const, published_at: null };
  await appendEvent(trx, { type: 'job.created', tenantId, aggregateId: job.id, payload: toJobSnapshot(draft, links) });
  if (job.status === 'PUBLISHED') await appendEvent(trx, { type: 'job.published', tenantId, aggregateId: job.id, payload: toJobSnapshot(job, links) });
  return { index, externalId: parsed.externalId, outcome: 'CREATED', reason: null, job };
}

async function updateImportedJob(
  trx: Trx,
  tenantId: string,
  index: number,
  parsed: ParsedImport,
  previous: JobRow,
  previousLinks: JobLinks,
  company: CompanyRow,
  links: JobLinks,
): Promise<ImportResult> {
  if (company.id !== previous.company_id && company.owner_id !== previous.employer_id) {
    // createJob lets an employer post only under their own companies; an import keeps that rule for a job it moves.
    return rejection(
      index,
      parsed.externalId,
      `companyName "${company.name}" belongs to another employer than the one of job "${previous.id}", so the job cannot move to it; keep the job's company, or import the posting under a new externalId.`,
    );
  }
  const changes = { ...parsed.values, company_id: company.id };
  const changedFields = changedJobFields(previous, previousLinks, changes, links);
  if (changedFields.length === 0) return { index, externalId: parsed.externalId, outcome: 'UNCHANGED', reason: null, job: previous };
  try {
    transitionJob(previous.id, previous.status, 'update');
  } catch (error) {
    return rejection(index, parsed.externalId, (error as GraphQLError).message);
  }
  const job = await updateJobRow(trx, tenantId, previous.id, changes);
  await replaceJobCategories(trx, tenantId, job.id, links.categoryIds);
  await replaceJobSkills(trx, tenantId, job.id, links.skills);
  await appendEvent(trx, { type: 'job.updated', tenantId, aggregateId: job.id, payload: { ...toJobSnapshot(job, links), changedFields } });
  return { index, externalId: parsed.externalId, outcome: 'UPDATED', reason: null, job };
}

/** Finds each named company ignoring case, and creates the missing ones owned by the importing ADMIN. */
async function findOrCreateCompanies(trx: Trx, tenantId: string, ownerId: string, names: readonly string[]): Promise<Map<string, CompanyRow>> {
  const companies = await findCompaniesByNames(trx, tenantId, names);
  for (const name of names) {
    const key = name.toLowerCase();
    if (companies.has(key)) continue;
    const company = await insertCompany(trx, { tenant_id: tenantId, id: newId(), owner_id: ownerId, name });
    await appendEvent(trx, { type: 'company.created', tenantId, aggregateId: company.id, payload: toCompanySnapshot(company) });
    companies.set(key, company);
  }
  return companies;
}

function distinctEntries(entries: readonly NamedEntry[]): NamedEntry[] {
  return [...new Map(entries.map((entry) => [entry.slug, entry])).values()];
}

function rejection(index: number, externalId: string | null | undefined, reason: string): ImportResult {
  return { index, externalId: externalId ?? null, outcome: 'REJECTED', reason, job: null };
}

function count(results: readonly ImportResult[], outcome: Outcome): number {
  return results.filter((result) => result.outcome === outcome).length;
}
