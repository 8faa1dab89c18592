import { createGroupLoader, createIdLoader, createKeyLoader, readInTenant, type Cursor, type LoaderScope } from '@jobgraph/kit';
import {
  countApplicationsOf,
  findApplicationsByIds,
  listApplicationsByApplicant,
  listApplicationsOf,
  listAttachments,
  listStatusChanges,
  type ApplicationOwner,
} from './db/application-queries.ts';
import type { ApplicationRow, ApplicationsDatabase, ApplicationStatus } from './db/database.ts';
import { findInterviewsByIds, listInterviewsOfApplications } from './db/interview-queries.ts';
import { findJobReplicasByIds } from './db/replica-queries.ts';

/** A page of `Job.applications` or `User.applications`; owners asked for with the same page share one query. */
export interface ApplicationsPage {
  readonly status: ApplicationStatus | undefined;
  readonly limit: number;
  readonly after: Cursor | null;
}

type PageLoader = ReturnType<typeof createGroupLoader<string, ApplicationRow & { position: number }>>;
type CountLoader = ReturnType<typeof createKeyLoader<string, { owner_id: string; count: number }>>;

/** Creates the DataLoaders of one request; every batch reads in the request's tenant and returns only rows the request's viewer may see. */
export function createLoaders(scope: LoaderScope<ApplicationsDatabase>) {
  const { viewer } = scope;
  const pageLoaders = new Map<string, PageLoader>();
  const countLoaders = new Map<string, CountLoader>();

  const pageLoader = (owner: ApplicationOwner, page: ApplicationsPage): PageLoader => {
    const key = JSON.stringify([owner, page.status ?? null, page.limit, page.after]);
    let loader = pageLoaders.get(key);
    if (!loader) {
      loader = createGroupLoader(
        (ownerIds: readonly string[]) =>
          readInTenant(scope, (trx, tenantId) => listApplicationsOf(trx, tenantId, viewer, owner, ownerIds, page.status, page.limit, page.after)),
        (row) => row[owner],
      );
      pageLoaders.set(key, loader);
    }
    return loader;
  };

  const countLoader = (owner: ApplicationOwner, status: ApplicationStatus | undefined): CountLoader => {
    const key = `${owner}:${status ?? ''}`;
    let loader = countLoaders.get(key);
    if (!loader) {
      loader = createKeyLoader(
        (ownerIds: readonly string[]) => readInTenant(scope, (trx, tenantId) => countApplicationsOf(trx, tenantId, viewer, owner, ownerIds, status)),
        (row) => row.owner_id,
      );
      countLoaders.set(key, loader);
    }
    return loader;
  };

  return {
    applicationById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findApplicationsByIds(trx, tenantId, viewer, ids))),
    interviewById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findInterviewsByIds(trx, tenantId, viewer, ids))),
    jobReplicaById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findJobReplicasByIds(trx, tenantId, ids))),
    /** The viewer's applications to each job, newest first; empty for an anonymous request. */
    myApplicationsByJob: createGroupLoader(
      (jobIds: readonly string[]) =>
        viewer ? readInTenant(scope, (trx, tenantId) => listApplicationsByApplicant(trx, tenantId, viewer.userId, jobIds)) : Promise.resolve([]),
      (row) => row.job_id,
    ),
    statusChangesByApplication: createGroupLoader(
      (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => listStatusChanges(trx, tenantId, ids)),
      (row) => row.application_id,
    ),
    attachmentsByApplication: createGroupLoader(
      (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => listAttachments(trx, tenantId, ids)),
      (row) => row.application_id,
    ),
    interviewsByApplication: createGroupLoader(
      (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => listInterviewsOfApplications(trx, tenantId, ids)),
      (row) => row.application_id,
    ),
    /** Returns the loader of the first applications of each job for `page`. */
    jobApplications: (page: ApplicationsPage) => pageLoader('job_id', page),
    /** Returns the loader of the first applications of each applicant for `page`. */
    userApplications: (page: ApplicationsPage) => pageLoader('applicant_id', page),
    /** Returns the loader of each job's application count; it loads null for a job without applications. */
    jobApplicationCount: (status: ApplicationStatus | undefined) => countLoader('job_id', status),
    /** Returns the loader of each applicant's application count; it loads null for a user without applications. */
    userApplicationCount: (status: ApplicationStatus | undefined) => countLoader('applicant_id', status),
  };
}

export type ApplicationsLoaders = ReturnType<typeof createLoaders>;
