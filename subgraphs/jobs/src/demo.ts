import { appendEvent, demoTenant, demoUsers, inTenant, type Logger } from '@jobgraph/kit';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CompaniesTable, CompanyRow, JobRow, JobsDatabase, JobsTable } from './db/database.ts';
import { toCompanySnapshot, toJobSnapshot } from './domain/snapshots.ts';
import { ensureStandardTaxonomy } from './db/taxonomy-queries.ts';

const companies: Insertable<CompaniesTable>[] = [
  {
    tenant_id: demoTenant.id,
    id: '0193a000-0000-7000-8000-000000000201',
    owner_id: demoUsers.employer,
    name: 'Northwind Logistics',
    description: 'Freight forwarding and warehousing across the Nordics.',
    website: 'https://northwind.example',
    industry: 'Logistics',
    size: 'MEDIUM',
    location: 'Gothenburg, Sweden',
    founded_year: 2004,
    is_verified: true,
  },
  {
    tenant_id: demoTenant.id,
    id: '0193a000-0000-7000-8000-000000000202',
    owner_id: demoUsers.secondEmployer,
    name: 'Lumen Health',
    description: 'Clinic software for small practices.',
    website: 'https://lumen-health.example',
    industry: 'Healthcare software',
    size: 'SMALL',
    location: 'Lisbon, Portugal',
    founded_year: 2017,
  },
];

type DemoJob = Pick<JobsTable, 'title' | 'employment_type' | 'workplace_type' | 'status'> & Partial<Insertable<JobsTable>>;

/** The category and skill slugs of each demo job, in the order of `jobs`; all come from the standard taxonomy. */
const jobLinks: readonly { readonly categories: readonly string[]; readonly skills: readonly string[] }[] = [
  { categories: ['backend-development'], skills: ['typescript', 'postgresql', 'docker'] },
  { categories: ['warehousing'], skills: ['forklift-operation', 'inventory-management'] },
  { categories: ['data-analysis'], skills: ['sql', 'excel'] },
  { categories: ['transport'], skills: ['project-management'] },
  { categories: ['product-design'], skills: ['figma', 'user-research'] },
  { categories: ['clinical-support'], skills: ['customer-service', 'first-aid'] },
];

const jobs: DemoJob[] = [
  { title: 'Senior Backend Engineer', employment_type: 'FULL_TIME', workplace_type: 'HYBRID', status: 'PUBLISHED', experience_level: 'SENIOR', salary_min: '68000', salary_max: '84000', salary_currency: 'EUR', salary_period: 'YEAR', is_featured: true },
  { title: 'Warehouse Shift Lead', employment_type: 'FULL_TIME', workplace_type: 'ONSITE', status: 'PUBLISHED', experience_level: 'LEAD', salary_min: '24.50', salary_max: '27.75', salary_currency: 'EUR', salary_period: 'HOUR' },
  { title: 'Data Analyst Intern', employment_type: 'INTERNSHIP', workplace_type: 'REMOTE', status: 'PUBLISHED', experience_level: 'ENTRY' },
  { title: 'Route Planner', employment_type: 'PART_TIME', workplace_type: 'ONSITE', status: 'DRAFT', experience_level: 'MID' },
  { title: 'Product Designer', employment_type: 'CONTRACT', workplace_type: 'REMOTE', status: 'PUBLISHED', experience_level: 'MID', salary_min: '450', salary_max: '550', salary_currency: 'EUR', salary_period: 'DAY' },
  { title: 'Clinical Support Specialist', employment_type: 'FULL_TIME', workplace_type: 'HYBRID', status: 'CLOSED', experience_level: 'JUNIOR' },
];

/** Creates the demo tenant's companies and jobs, unless they exist. */
export async function seedDemo(db: Kysely<JobsDatabase>, logger: Logger): Promise<void> {
  const rows: Insertable<JobsTable>[] = jobs.map((job, index) => {
    const company = companies[index < 4 ? 0 : 1]!;
    return {
      tenant_id: demoTenant.id,
      id: `0193a000-0000-7000-8000-0000000003${String(index + 1).padStart(2, '0')}`,
      company_id: company.id!,
      employer_id: company.owner_id!,
      description: `${job.title} at ${company.name}. ${company.description}`,
      location: company.location ?? null,
      published_at: job.status === 'DRAFT' ? null : new Date(Date.UTC(2026, 10, 2 + index)),
      ...job,
    };
  });
  const inserted = await inTenant(db, demoTenant.id, async (trx) => {
    await ensureStandardTaxonomy(trx, demoTenant.id);
    const newCompanies = await trx.insertInto('companies').values(companies).onConflict((conflict) => conflict.doNothing()).returningAll().execute();
    const newJobs = await trx.insertInto('jobs').values(rows).onConflict((conflict) => conflict.doNothing()).returningAll().execute();
    if (newJobs.length > 0) await linkDemoJobs(trx, rows);
    await appendDemoEvents(trx, newCompanies, newJobs);
    return newJobs;
  });
  if (inserted.length > 0) logger.info({ tenant: demoTenant.slug, jobs: inserted.length }, 'demo jobs loaded');
}

/**
 * Appends the events that the demo rows would have produced through the API,
 * so that consumers in other subgraphs (replicas, search, analytics) see the
 * demo data: a job reaches its status through the lifecycle's own events.
 */
async function appendDemoEvents(trx: Transaction<JobsDatabase>, newCompanies: readonly CompanyRow[], newJobs: readonly JobRow[]): Promise<void> {
  for (const company of newCompanies) {
    await appendEvent(trx, { type: 'company.created', tenantId: demoTenant.id, aggregateId: company.id, payload: toCompanySnapshot(company) });
  }
  const statusEvents: Record<JobRow['status'], readonly ('job.published' | 'job.closed' | 'job.archived')[]> = {
    DRAFT: [],
    PUBLISHED: ['job.published'],
    CLOSED: ['job.published', 'job.closed'],
    ARCHIVED: ['job.published', 'job.closed', 'job.archived'],
  };
  const statusAfter = { 'job.published': 'PUBLISHED', 'job.closed': 'CLOSED', 'job.archived': 'ARCHIVED' } as const;
  for (const job of newJobs) {
    const [categories, skills] = await Promise.all([
      trx.selectFrom('job_categories').select('category_id').where('tenant_id', '=', demoTenant.id).where('job_id', '=', job.id).execute(),
      trx.selectFrom('job_skills').selectAll().where('tenant_id', '=', demoTenant.id).where('job_id', '=', job.id).execute(),
    ]);
    const payload = toJobSnapshot(job, { categoryIds: categories.map((row) => row.category_id), skills });
    await appendEvent(trx, { type: 'job.created', tenantId: demoTenant.id, aggregateId: job.id, payload: { ...payload, status: 'DRAFT', publishedAt: null } });
    for (const type of statusEvents[job.status]) {
      await appendEvent(trx, { type, tenantId: demoTenant.id, aggregateId: job.id, payload: { ...payload, status: statusAfter[type] } });
    }
  }
}

/** Attaches the categories and skills of `jobLinks` to the demo jobs, by slug. */
async function linkDemoJobs(trx: Transaction<JobsDatabase>, rows: readonly Insertable<JobsTable>[]): Promise<void> {
  const categories = await trx.selectFrom('categories').select(['id', 'slug']).where('tenant_id', '=', demoTenant.id).execute();
  const skills = await trx.selectFrom('skills').select(['id', 'slug']).where('tenant_id', '=', demoTenant.id).execute();
  const categoryIdBySlug = new Map(categories.map((category) => [category.slug, category.id]));
  const skillIdBySlug = new Map(skills.map((skill) => [skill.slug, skill.id]));
  const categoryRows = rows.flatMap((job, index) =>
    (jobLinks[index]?.categories ?? []).flatMap((slug) => {
      const categoryId = categoryIdBySlug.get(slug);
      return categoryId ? [{ tenant_id: demoTenant.id, job_id: job.id, category_id: categoryId }] : [];
    }),
  );
  const skillRows = rows.flatMap((job, index) =>
    (jobLinks[index]?.skills ?? []).flatMap((slug, position) => {
      const skillId = skillIdBySlug.get(slug);
      return skillId ? [{ tenant_id: demoTenant.id, job_id: job.id, skill_id: skillId, is_required: position === 0, level: null }] : [];
    }),
  );
  if (categoryRows.length > 0) await trx.insertInto('job_categories').values(categoryRows).onConflict((conflict) => conflict.doNothing()).execute();
  if (skillRows.length > 0) await trx.insertInto('job_skills').values(skillRows).onConflict((conflict) => conflict.doNothing()).execute();
}
