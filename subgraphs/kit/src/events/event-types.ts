import { z } from 'zod';
import {
  applicationPartiesSchema,
  applicationStatusSchema,
  changedFieldsSchema,
  companySnapshotSchema,
  idSchema,
  interviewSnapshotSchema,
  jobSnapshotSchema,
  jobViewSchema,
  timestampSchema,
  userSnapshotSchema,
} from './payload-schemas.ts';

/** One declared event type: the subgraph that produces it, the version of its payload, and the payload's schema. */
export interface EventTypeDeclaration<Payload extends z.ZodType = z.ZodType> {
  /** The subgraph whose outbox contains events of this type. */
  readonly producer: string;
  /** Raised when the payload changes in a way old consumers cannot read. */
  readonly version: number;
  readonly payload: Payload;
  readonly description: string;
}

function declare<Payload extends z.ZodType>(
  producer: string,
  version: number,
  payload: Payload,
  description: string,
): EventTypeDeclaration<Payload> {
  return { producer, version, payload, description };
}

/**
 * Every domain event type, declared once. The producer validates a payload
 * against its schema before it enters the outbox, and every consumer validates
 * it again before its handler runs, so both ends agree on one shape. The
 * aggregate id of an event is the id of the entity it names (the user, the
 * company, the job).
 *
 * A new type is added here, by the subgraph that produces it. A payload change
 * that old consumers cannot read gets a new version number.
 */
export const eventTypes = {
  'user.registered': declare('users', 1, userSnapshotSchema, 'A user account was created in a tenant, by registerTenant or register.'),
  'user.updated': declare(
    'users',
    1,
    userSnapshotSchema.extend({ changedFields: changedFieldsSchema }),
    'A user changed their profile; the payload is the user after the change.',
  ),
  'company.created': declare('jobs', 1, companySnapshotSchema, 'A company was created.'),
  'company.updated': declare(
    'jobs',
    1,
    companySnapshotSchema.extend({ changedFields: changedFieldsSchema }),
    'A company changed; the payload is the company after the change.',
  ),
  'job.created': declare('jobs', 1, jobSnapshotSchema, 'A job was created as a DRAFT, by createJob or importJobs.'),
  'job.updated': declare(
    'jobs',
    1,
    jobSnapshotSchema.extend({ changedFields: changedFieldsSchema }),
    'A job changed without a change of status; the payload is the job after the change.',
  ),
  'job.published': declare('jobs', 1, jobSnapshotSchema, 'A job moved to PUBLISHED and accepts applications.'),
  'job.closed': declare('jobs', 1, jobSnapshotSchema, 'A job moved to CLOSED and accepts no more applications.'),
  'job.archived': declare('jobs', 1, jobSnapshotSchema, 'A job moved to ARCHIVED.'),
  'job.deleted': declare(
    'jobs',
    1,
    z.object({ companyId: idSchema, employerId: idSchema, deletedAt: timestampSchema }),
    'A DRAFT job was deleted.',
  ),
  'application.submitted': declare(
    'applications',
    1,
    applicationPartiesSchema.extend({ status: applicationStatusSchema, appliedAt: timestampSchema }),
    'A CANDIDATE applied to a job; the aggregate is the application.',
  ),
  'application.status_changed': declare(
    'applications',
    1,
    applicationPartiesSchema.extend({
      from: applicationStatusSchema,
      to: applicationStatusSchema,
      changedBy: idSchema,
      reason: z.string().nullable(),
      changedAt: timestampSchema,
    }),
    'An application moved along its pipeline, withdrawals included.',
  ),
  'application.withdrawn': declare(
    'applications',
    1,
    applicationPartiesSchema.extend({ from: applicationStatusSchema, reason: z.string().nullable(), withdrawnAt: timestampSchema }),
    'The applicant withdrew an open application; an application.status_changed event comes with it.',
  ),
  'interview.scheduled': declare('applications', 1, interviewSnapshotSchema, 'An interview was scheduled; the aggregate is the interview.'),
  'interview.updated': declare(
    'applications',
    1,
    interviewSnapshotSchema.extend({ changedFields: changedFieldsSchema }),
    'An interview was rescheduled, completed, marked as a no-show or given feedback; the payload is the interview after the change.',
  ),
  'interview.cancelled': declare('applications', 1, interviewSnapshotSchema, 'A SCHEDULED interview was cancelled.'),
  'job.viewed': declare(
    'analytics',
    1,
    jobViewSchema,
    'Someone who may see a job opened its page, as recordJobView reports it; the aggregate is the job.',
  ),
} satisfies Record<string, EventTypeDeclaration>;

/** The name of a declared event type, such as `job.published`. */
export type EventType = keyof typeof eventTypes;

/** The payload of `T` as a consumer receives it, after validation. */
export type EventPayload<T extends EventType> = z.output<(typeof eventTypes)[T]['payload']>;

/** The payload of `T` as a producer may pass it: `Date`s and numbers are accepted where the stored form is text. */
export type EventPayloadInput<T extends EventType> = z.input<(typeof eventTypes)[T]['payload']>;

/** Tells whether `type` is a declared event type. */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventTypes, type);
}

/** Returns the declaration of `type`. */
export function eventTypeOf<T extends EventType>(type: T): (typeof eventTypes)[T] {
  return eventTypes[type];
}
