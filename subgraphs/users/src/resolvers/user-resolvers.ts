import { isSelfOrAdmin, parseId, requireTenant } from '@jobgraph/kit';
import type { UserRow } from '../db/database.ts';
import type { UsersContext } from './context.ts';

/** Tells whether the viewer may see the contact details of `user`: the user themselves and the tenant's ADMINs. */
function maySeeContact(user: UserRow, ctx: UsersContext): boolean {
  return isSelfOrAdmin(ctx.viewer, user.id);
}

export const userResolvers = {
  Query: {
    user: (_: unknown, args: { id: string }, ctx: UsersContext) => {
      requireTenant(ctx);
      return ctx.loaders.userById.load(parseId(args.id, 'id'));
    },
  },
  User: {
    __resolveReference: (reference: { id: string }, ctx: UsersContext) => ctx.loaders.userById.load(reference.id),
    tenant: (user: UserRow, _: unknown, ctx: UsersContext) => ctx.loaders.tenantById.load(user.tenant_id),
    email: (user: UserRow, _: unknown, ctx: UsersContext) => (maySeeContact(user, ctx) ? user.email : null),
    phone: (user: UserRow, _: unknown, ctx: UsersContext) => (maySeeContact(user, ctx) ? user.phone : null),
    firstName: (user: UserRow) => user.first_name,
    lastName: (user: UserRow) => user.last_name,
    fullName: (user: UserRow) => `${user.first_name} ${user.last_name}`.trim(),
    dateOfBirth: (user: UserRow) => user.date_of_birth,
    profilePicture: (user: UserRow) => user.profile_picture,
    isVerified: (user: UserRow) => user.is_verified,
    createdAt: (user: UserRow) => user.created_at,
    updatedAt: (user: UserRow) => user.updated_at,
  },
  Tenant: {
    __resolveReference: (reference: { id: string }, ctx: UsersContext) => ctx.loaders.tenantById.load(reference.id),
    createdAt: (tenant: { created_at: Date }) => tenant.created_at,
  },
};
