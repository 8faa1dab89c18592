import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JobStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';
export type CompanySize = 'MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE' | 'ENTERPRISE';
export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'INTERNSHIP' | 'TEMPORARY';
export type ExperienceLevel = 'ENTRY' | 'JUNIOR' | 'MID' | 'SENIOR' | 'LEAD' | 'EXECUTIVE';
export type WorkplaceType = 'ONSITE' | 'HYBRID' | 'REMOTE';
export type SalaryPeriod = 'YEAR' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR';
export type SkillLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED' | 'EXPERT';

export interface CompaniesTable {
  tenant_id: string;
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  website: string | null;
  logo: string | null;
  industry: string | null;
  size: CompanySize | null;
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
  employment_type: EmploymentType;
  experience_level: ExperienceLevel | null;
  workplace_type: WorkplaceType;
  location: string | null;
  /** numeric: an exact decimal string. */
  salary_min: string | null;
  salary_max: string | null;
  salary_currency: string | null;
  salary_period: SalaryPeriod | null;
  /**
   * Generated: `salary_max`, or `salary_min` when the range has no maximum,
   * times 10,000, which is exact because amounts have at most 4 decimal
   * places. The SALARY order and the `salaryMin` filter compare it. The
   * int8 parser returns it as a number.
   */
  salary_upper_scaled: Generated<number | null>;
  status: JobStatus;
  is_featured: Generated<boolean>;
  /** A calendar date, `YYYY-MM-DD`. */
  application_deadline: string | null;
  published_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoriesTable {
  tenant_id: string;
  id: string;
  parent_id: string | null;
  name: string;
  slug: string;
  description: string | null;
  /** Order among siblings, lowest first. */
  position: number;
  created_at: Timestamp;
}

export interface SkillsTable {
  tenant_id: string;
  id: string;
  name: string;
  slug: string;
  /** The name in lower case without accents, which prefix search compares against. */
  search_name: string;
  created_at: Timestamp;
}

export interface JobCategoriesTable {
  tenant_id: string;
  job_id: string;
  category_id: string;
}

export interface JobSkillsTable {
  tenant_id: string;
  job_id: string;
  skill_id: string;
  is_required: boolean;
  level: SkillLevel | null;
}

/** One row per tenant whose standard categories and skills are loaded, with the taxonomy version. */
export interface TaxonomyLoadsTable {
  tenant_id: string;
  version: number;
  loaded_at: Timestamp;
}

export interface JobsDatabase {
  companies: CompaniesTable;
  jobs: JobsTable;
  categories: CategoriesTable;
  skills: SkillsTable;
  job_categories: JobCategoriesTable;
  job_skills: JobSkillsTable;
  taxonomy_loads: TaxonomyLoadsTable;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type JobRow = Selectable<JobsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type SkillRow = Selectable<SkillsTable>;
