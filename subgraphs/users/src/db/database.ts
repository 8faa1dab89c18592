import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  created_at: Timestamp;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  /** Stored trimmed and in lower case, so that one address cannot register twice. */
  email: string;
  username: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  /** A calendar date, `YYYY-MM-DD`. */
  date_of_birth: string | null;
  profile_picture: string | null;
  bio: string | null;
  role: 'CANDIDATE' | 'EMPLOYER' | 'ADMIN';
  is_verified: Generated<boolean>;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`; null means the account cannot log in. */
  password_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RefreshTokensTable {
  tenant_id: string;
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/**
 * A projection of `application.submitted` events: each employer and the
 * candidates who applied to one of their jobs, whose email the employer may
 * then read.
 */
export interface ApplicantEmployersTable {
  tenant_id: string;
  employer_id: string;
  applicant_id: string;
  first_applied_at: Timestamp;
}

export interface UsersDatabase {
  tenants: TenantsTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  applicant_employers: ApplicantEmployersTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserChanges = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
