import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ApplicationStatus = 'SUBMITTED' | 'REVIEWING' | 'SHORTLISTED' | 'INTERVIEWING' | 'OFFERED' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';
export type InterviewType = 'PHONE' | 'VIDEO' | 'ONSITE' | 'TECHNICAL';
export type InterviewStatus = 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
export type JobStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';
export type UserRole = 'CANDIDATE' | 'EMPLOYER' | 'ADMIN';

/** A projection of the jobs subgraph's jobs, fed by `job.*` events: what applying and authorization need. */
export interface JobReplicasTable {
  tenant_id: string;
  id: string;
  employer_id: string;
  status: JobStatus;
  /** A calendar date, `YYYY-MM-DD`. */
  application_deadline: string | null;
  /** When the event that wrote the row occurred; an older event never overwrites a newer one. */
  source_occurred_at: Timestamp;
}

/** A projection of the users subgraph's roles, fed by `user.*` events, to check interviewers. */
export interface UserRoleReplicasTable {
  tenant_id: string;
  id: string;
  role: UserRole;
  source_occurred_at: Timestamp;
}

export interface ApplicationsTable {
  tenant_id: string;
  id: string;
  job_id: string;
  applicant_id: string;
  /** The job's employer when the candidate applied, copied from the replica so that visibility needs no join. */
  employer_id: string;
  status: ApplicationStatus;
  cover_letter: string | null;
  resume_url: string | null;
  /** numeric: an exact decimal string. */
  expected_salary: string | null;
  /** A calendar date, `YYYY-MM-DD`. */
  available_from: string | null;
  notes: string | null;
  applied_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationStatusChangesTable {
  tenant_id: string;
  id: string;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  changed_by: string;
  reason: string | null;
  changed_at: Timestamp;
}

export interface ApplicationAttachmentsTable {
  tenant_id: string;
  id: string;
  application_id: string;
  name: string;
  url: string;
  content_type: string;
  size_bytes: number;
  uploaded_at: Timestamp;
}

export interface InterviewsTable {
  tenant_id: string;
  id: string;
  application_id: string;
  interviewer_id: string;
  scheduled_at: Timestamp;
  /** `scheduled_at` plus the duration; the overlap check compares it. */
  ends_at: Timestamp;
  duration_minutes: number;
  type: InterviewType;
  location: string | null;
  meeting_url: string | null;
  status: InterviewStatus;
  feedback: string | null;
  rating: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationsDatabase {
  job_replicas: JobReplicasTable;
  user_role_replicas: UserRoleReplicasTable;
  applications: ApplicationsTable;
  application_status_changes: ApplicationStatusChangesTable;
  application_attachments: ApplicationAttachmentsTable;
  interviews: InterviewsTable;
}

export type JobReplicaRow = Selectable<JobReplicasTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type StatusChangeRow = Selectable<ApplicationStatusChangesTable>;
export type AttachmentRow = Selectable<ApplicationAttachmentsTable>;
export type InterviewRow = Selectable<InterviewsTable>;
