import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JobStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';

export interface CompaniesTable {
  tenant_id: string;
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  website: string | null;
  logo: string | null;
  industry: string | null;
  size: string | null;
  location: string | null;
  founded_year: number | null;
  is_verified: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobsTable {
  tenant_id: string;
  id: string;
  external_id: string | null;
  company_id: string;
  employer_id: string;
  title: string;
  description: string;
  requirements: string | null;
  responsibilities: string | null;
  benefits: string | null;
  employment_type: string;
  experience_level: string | null;
  workplace_type: string;
  location: string | null;
  /** numeric: an exact decimal string. */
  salary_min: string | null;
  salary_max: string | null;
  salary_currency: string | null;
  salary_period: string | null;
  status: JobStatus;
  is_featured: Generated<boolean>;
  /** A calendar date, `YYYY-MM-DD`. */
  application_deadline: string | null;
  published_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobsDatabase {
  companies: CompaniesTable;
  jobs: JobsTable;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type JobRow = Selectable<JobsTable>;
