import type { ColumnType, Generated, Selectable } from 'kysely';

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
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersDatabase {
  tenants: TenantsTable;
  users: UsersTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
