import { badUserInput } from '@jobgraph/kit';
import type { CompanySize } from '../db/database.ts';
import { checkHttpUrl, checkName, checkOptionalLine, checkOptionalText, rejectNull } from './field-checks.ts';

/** `CreateCompanyInput` and `UpdateCompanyInput` of the schema; an update may leave any field out. */
export interface CompanyInput {
  readonly name?: string | null;
  readonly description?: string | null;
  readonly website?: string | null;
  readonly logo?: string | null;
  readonly industry?: string | null;
  readonly size?: CompanySize | null;
  readonly location?: string | null;
  readonly foundedYear?: number | null;
  readonly isVerified?: boolean | null;
}

/** The columns a company input sets, validated. */
export interface CompanyValues {
  name?: string;
  description?: string | null;
  website?: string | null;
  logo?: string | null;
  industry?: string | null;
  size?: CompanySize | null;
  location?: string | null;
  founded_year?: number | null;
  is_verified?: boolean;
}

export const companyLimits = { nameMin: 2, nameMax: 200, descriptionMax: 5000, industryMax: 100, locationMax: 200, foundedYearMin: 1000 } as const;

/**
 * Validates the fields present in `input` and returns the columns they set.
 * Fields left out stay out, so the same function serves create and update.
 */
export function parseCompanyInput(input: CompanyInput, today: Date): CompanyValues {
  const values: CompanyValues = {};
  if (input.name !== undefined) {
    rejectNull('name', input.name);
    values.name = checkName('name', input.name as string, companyLimits.nameMin, companyLimits.nameMax);
  }
  if (input.description !== undefined) values.description = checkOptionalText('description', input.description, companyLimits.descriptionMax);
  if (input.website !== undefined) values.website = checkHttpUrl('website', input.website);
  if (input.logo !== undefined) values.logo = checkHttpUrl('logo', input.logo);
  if (input.industry !== undefined) values.industry = checkOptionalLine('industry', input.industry, companyLimits.industryMax);
  if (input.size !== undefined) values.size = input.size;
  if (input.location !== undefined) values.location = checkOptionalLine('location', input.location, companyLimits.locationMax);
  if (input.foundedYear !== undefined) values.founded_year = checkFoundedYear(input.foundedYear, today);
  if (input.isVerified !== undefined) {
    rejectNull('isVerified', input.isVerified);
    values.is_verified = input.isVerified as boolean;
  }
  return values;
}

function checkFoundedYear(year: number | null, today: Date): number | null {
  if (year === null) return null;
  const latest = today.getUTCFullYear();
  if (year < companyLimits.foundedYearMin || year > latest) {
    throw badUserInput(`foundedYear ${year} is out of range; use a year from ${companyLimits.foundedYearMin} to ${latest}.`, { field: 'foundedYear' });
  }
  return year;
}
