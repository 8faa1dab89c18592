/**
 * One job as the `importJobs` mutation takes it. A source file's rows are
 * mapped to these, and rows that cannot be mapped become rejections instead.
 */
export interface JobImportInput {
  externalId: string;
  companyName: string;
  title: string;
  description: string;
  requirements?: string | null;
  responsibilities?: string | null;
  benefits?: string | null;
  employmentType?: 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'INTERNSHIP' | 'TEMPORARY' | null;
  experienceLevel?: 'ENTRY' | 'JUNIOR' | 'MID' | 'SENIOR' | 'LEAD' | 'EXECUTIVE' | null;
  workplaceType?: 'ONSITE' | 'HYBRID' | 'REMOTE' | null;
  location?: string | null;
  salary?: { min: number | null; max: number | null; currency: string; period: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' } | null;
  publishedAt?: string | null;
  applicationDeadline?: string | null;
  categoryNames?: string[];
  skillNames?: string[];
}

/** The outcome of mapping a file: jobs to send, and what happened to each source row. */
export interface MappedFile {
  readonly jobs: Array<{ readonly input: JobImportInput; readonly rows: readonly number[] }>;
  readonly rejectedRows: Array<{ readonly row: number; readonly reason: string }>;
}
