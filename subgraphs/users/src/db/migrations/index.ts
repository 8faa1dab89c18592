import type { Migrations } from '@jobgraph/kit';
import * as tenantsAndUsers from './0001-tenants-and-users.ts';

export const migrations: Migrations = {
  '0001-tenants-and-users': tenantsAndUsers,
};
