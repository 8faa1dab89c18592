import { z } from 'zod';

/** An id: a UUID in its canonical text form. */
export const idSchema = z.guid();

/** An instant, written as ISO 8601 with an offset; a `Date` from a query is converted on the way in. */
export const timestampSchema = z.union([z.date().transform((date) => date.toISOString()), z.iso.datetime({ offset: true })]);

/** A calendar date, `YYYY-MM-DD`, as the `date` columns return it. */
export const dateSchema = z.iso.date();

/**
 * An exact decimal amount, such as `numeric` returns it: a string, so that an
 * hourly 16.6264 never passes through a binary float. A number is accepted on
 * the way in and written as its decimal string.
 */
export const decimalSchema = z.union([z.number().transform(String), z.string()]).pipe(z.string().regex(/^-?\d+(\.\d+)?$/));

export const userRoleSchema = z.enum(['CANDIDATE', 'EMPLOYER', 'ADMIN']);

/** A user as other subgraphs may keep it: no password, phone or date of birth. */
export const userSnapshotSchema = z.object({
  email: z.string(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: userRoleSchema,
  isVerified: z.boolean(),
  profilePicture: z.string().nullable().default(null),
});

export const companySnapshotSchema = z.object({
  ownerId: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  logo: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  location: z.string().nullable(),
  foundedYear: z.number().int().nullable(),
  isVerified: z.boolean(),
});

export const jobStatusSchema = z.enum(['DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED']);

export const salaryRangeSchema = z.object({
  min: decimalSchema.nullable(),
  max: decimalSchema.nullable(),
  /** ISO 4217 code. */
  currency: z.string().length(3),
  period: z.enum(['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR']),
});

/**
 * A job after the change an event describes: everything a replica (such as
 * the job status and deadline that applications checks) or the search index
 * needs, so that a consumer never has to call the jobs subgraph back.
 */
export const jobSnapshotSchema = z.object({
  companyId: idSchema,
  employerId: idSchema,
  externalId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  requirements: z.string().nullable(),
  responsibilities: z.string().nullable(),
  benefits: z.string().nullable(),
  employmentType: z.enum(['FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'TEMPORARY']),
  experienceLevel: z.enum(['ENTRY', 'JUNIOR', 'MID', 'SENIOR', 'LEAD', 'EXECUTIVE']).nullable(),
  workplaceType: z.enum(['ONSITE', 'HYBRID', 'REMOTE']),
  location: z.string().nullable(),
  salary: salaryRangeSchema.nullable(),
  status: jobStatusSchema,
  isFeatured: z.boolean(),
  applicationDeadline: dateSchema.nullable(),
  publishedAt: timestampSchema.nullable(),
  categoryIds: z.array(idSchema).default([]),
  skills: z
    .array(z.object({ skillId: idSchema, isRequired: z.boolean(), level: z.string().nullable().default(null) }))
    .default([]),
});

/** The fields an update changed, by their GraphQL names, so that a consumer can ignore updates it does not care about. */
export const changedFieldsSchema = z.array(z.string()).default([]);

export const applicationStatusSchema = z.enum(['SUBMITTED', 'REVIEWING', 'SHORTLISTED', 'INTERVIEWING', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN']);

/**
 * Who an application concerns, on every application and interview event, so
 * that notifications and analytics can address the people involved and
 * count per job without calling the applications subgraph back.
 */
export const applicationPartiesSchema = z.object({
  jobId: idSchema,
  applicantId: idSchema,
  /** The EMPLOYER who owns the job. */
  employerId: idSchema,
});

/** An interview after the change an event describes, with the application's parties. */
export const interviewSnapshotSchema = applicationPartiesSchema.extend({
  applicationId: idSchema,
  interviewerId: idSchema,
  scheduledAt: timestampSchema,
  durationMinutes: z.number().int(),
  type: z.enum(['PHONE', 'VIDEO', 'ONSITE', 'TECHNICAL']),
  status: z.enum(['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW']),
  /** The user whose mutation made the change. */
  changedBy: idSchema,
});

/**
 * One view of a job's page. The viewer is the logged-in user, or else the
 * anonymous viewer id the client sent, so exactly one of the two is set.
 */
export const jobViewSchema = z
  .object({
    userId: idSchema.nullable(),
    anonymousViewerId: idSchema.nullable(),
    viewedAt: timestampSchema,
  })
  .refine((view) => (view.userId === null) !== (view.anonymousViewerId === null), {
    message: 'Exactly one of userId and anonymousViewerId must be set.',
  });
