import type { EventPayloadInput } from '@jobgraph/kit';
import type { CompanyRow, JobRow } from '../db/database.ts';
import type { JobSkillValues } from './job-input.ts';

/** Converts a company row to the snapshot its events carry. */
export function toCompanySnapshot(company: CompanyRow): EventPayloadInput<'company.created'> {
  return {
    ownerId: company.owner_id,
    name: company.name,
    description: company.description,
    website: company.website,
    logo: company.logo,
    industry: company.industry,
    size: company.size,
    location: company.location,
    foundedYear: company.founded_year,
    isVerified: company.is_verified,
  };
}

/** Converts a job row, with its categories and skills, to the snapshot its events carry. */
export function toJobSnapshot(
  job: JobRow,
  links: { readonly categoryIds: readonly string[]; readonly skills: readonly JobSkillValues[] },
): EventPayloadInput<'job.created'> {
  return {
    companyId: job.company_id,
    employerId: job.employer_id,
    externalId: job.external_id,
    title: job.title,
    description: job.description,
    requirements: job.requirements,
    responsibilities: job.responsibilities,
    benefits: job.benefits,
    employmentType: job.employment_type,
    experienceLevel: job.experience_level,
    workplaceType: job.workplace_type,
    location: job.location,
    salary:
      job.salary_currency && job.salary_period
        ? { min: job.salary_min, max: job.salary_max, currency: job.salary_currency, period: job.salary_period }
        : null,
    status: job.status,
    isFeatured: job.is_featured,
    applicationDeadline: job.application_deadline,
    publishedAt: job.published_at,
    categoryIds: [...links.categoryIds],
    skills: links.skills.map((skill) => ({ skillId: skill.skill_id, isRequired: skill.is_required, level: skill.level })),
  };
}
