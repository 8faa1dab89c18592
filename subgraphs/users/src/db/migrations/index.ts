import type { Migrations } from '@jobgraph/kit';
import * as tenantsAndUsers from './0001-tenants-and-users.ts';
import * as passwordsAndRefreshTokens from './0002-passwords-and-refresh-tokens.ts';
import * as applicantEmployers from './0003-applicant-employers.ts';

export const migrations: Migrations = {
  '0001-tenants-and-users': tenantsAndUsers,
  '0002-passwords-and-refresh-tokens': passwordsAndRefreshTokens,
  '0003-applicant-employers': applicantEmployers,
};
