import { badUserInput, isTenantSlug, rejectInvisibleCharacters, type UserRole } from '@jobgraph/kit';
import { findPasswordWeaknesses, joinPhrases, maxPasswordLength } from '../auth/password-strength.ts';

/** The fields of `RegisterInput`, as GraphQL delivers them. */
export interface RegisterInput {
  readonly email: string;
  readonly username: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role?: UserRole | null;
}

/** A registration that passed every check, with email and names normalised. */
export interface ValidRegistration {
  readonly email: string;
  readonly username: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** The fields of `UpdateProfileInput`; an absent field stays as it is and a null one is cleared. */
export interface UpdateProfileInput {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly username?: string | null;
  readonly phone?: string | null;
  readonly dateOfBirth?: string | null;
  readonly profilePicture?: string | null;
  readonly bio?: string | null;
}

const maxNameLength = 100;
const maxBioLength = 2_000;
const maxEmailLength = 254;
const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
const phonePattern = /^\+?[0-9][0-9 ()./-]{5,24}$/;

/** Validates a registration and returns it normalised, or raises BAD_USER_INPUT naming the first invalid field. */
export function validateRegistration(input: RegisterInput, field = 'input'): ValidRegistration {
  const email = normalizeEmail(input.email, `${field}.email`);
  const username = validateUsername(input.username, `${field}.username`);
  const passwordLength = [...input.password].length;
  if (passwordLength > maxPasswordLength) {
    throw badUserInput(`The password is too long: it has ${passwordLength} characters; use at most ${maxPasswordLength}.`, { field: `${field}.password` });
  }
  const weaknesses = findPasswordWeaknesses(input.password, { username, email });
  if (weaknesses.length > 0) {
    throw badUserInput(`The password is too weak: it needs ${joinPhrases(weaknesses)}.`, { field: `${field}.password` });
  }
  return {
    email,
    username,
    password: input.password,
    firstName: validateName(input.firstName, `${field}.firstName`),
    lastName: validateName(input.lastName, `${field}.lastName`),
  };
}

/** Returns `email` trimmed and in lower case, the form it is stored and compared in. */
export function normalizeEmail(email: string, field: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > maxEmailLength || !/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw badUserInput(`Email "${email}" is invalid; use an address such as "ada@example.com" of at most ${maxEmailLength} characters.`, { field });
  }
  return normalized;
}

export function validateUsername(username: string, field: string): string {
  rejectInvisibleCharacters(username, field);
  const trimmed = username.trim();
  if (!usernamePattern.test(trimmed)) {
    throw badUserInput(`Username "${username}" is invalid; use 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.`, { field });
  }
  return trimmed;
}

export function validateName(name: string, field: string): string {
  rejectInvisibleCharacters(name, field);
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > maxNameLength) {
    throw badUserInput(`${field} must have 1 to ${maxNameLength} characters; it has ${trimmed.length}.`, { field });
  }
  return trimmed;
}

export function validateTenantSlug(slug: string, field: string): string {
  if (!isTenantSlug(slug)) {
    throw badUserInput(`Slug "${slug}" is invalid; use 1 to 63 lower-case letters, digits and dashes, not starting or ending with a dash, such as "acme-careers".`, { field });
  }
  return slug;
}

/** Validates the fields of a profile change and returns them as column values; absent fields are left out. */
export function validateProfileChanges(input: UpdateProfileInput): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  if (input.firstName !== undefined) changes.first_name = validateName(required(input.firstName, 'input.firstName'), 'input.firstName');
  if (input.lastName !== undefined) changes.last_name = validateName(required(input.lastName, 'input.lastName'), 'input.lastName');
  if (input.username !== undefined) changes.username = validateUsername(required(input.username, 'input.username'), 'input.username');
  if (input.phone !== undefined) changes.phone = input.phone === null ? null : validatePhone(input.phone);
  if (input.dateOfBirth !== undefined) changes.date_of_birth = input.dateOfBirth === null ? null : validateDateOfBirth(input.dateOfBirth);
  if (input.profilePicture !== undefined) changes.profile_picture = input.profilePicture === null ? null : validateWebUrl(input.profilePicture, 'input.profilePicture');
  if (input.bio !== undefined) changes.bio = input.bio === null ? null : validateBio(input.bio);
  return changes;
}

function required(value: string | null, field: string): string {
  if (value === null) throw badUserInput(`${field} cannot be cleared; send a new value or leave the field out.`, { field });
  return value;
}

function validatePhone(phone: string): string {
  const trimmed = phone.trim();
  if (!phonePattern.test(trimmed)) {
    throw badUserInput(`Phone "${phone}" is invalid; use digits with an optional leading "+" and spaces or dashes, such as "+44 20 7946 0958".`, { field: 'input.phone' });
  }
  return trimmed;
}

function validateDateOfBirth(date: string): string {
  const today = new Date().toISOString().slice(0, 10);
  if (date < '1900-01-01' || date >= today) {
    throw badUserInput(`Date of birth "${date}" is out of range; give a date from 1900-01-01 up to yesterday.`, { field: 'input.dateOfBirth' });
  }
  return date;
}

function validateWebUrl(url: string, field: string): string {
  if (!/^https?:\/\//i.test(url)) throw badUserInput(`URL "${url}" is invalid; use an http:// or https:// address.`, { field });
  return url;
}

function validateBio(bio: string): string {
  if (bio.length > maxBioLength) {
    throw badUserInput(`input.bio has ${bio.length} characters; shorten it to at most ${maxBioLength}.`, { field: 'input.bio' });
  }
  return bio;
}
