import { appendEvent, buildConnection, inTenant, isSelfOrAdmin, notFound, parseId, parsePageArgs, requireRole, requireTenant, requireViewer, type UserRole } from '@jobgraph/kit';
import type { UserRow } from '../db/database.ts';
import { countUsers, listUsers, updateUser } from '../db/user-queries.ts';
import { validateProfileChanges, type UpdateProfileInput } from '../domain/account-input.ts';
import { toChangedFields, toUserSnapshot } from '../domain/user-snapshot.ts';
import { describeAccountConflict } from './auth-resolvers.ts';
import type { UsersContext } from './context.ts';
import { isSessionUser } from './session-user.ts';

/** Tells whether the viewer may see the private fields of `user` (phone, date of birth): the user themselves and the tenant's ADMINs. */
function maySeePrivateFields(user: UserRow, ctx: UsersContext): boolean {
  return isSelfOrAdmin(ctx.viewer, user.id) || isSessionUser(user);
}

/**
 * Tells whether the viewer may see the email of `user`: the user, ADMINs,
 * and an EMPLOYER whose job `user` applied to, as recorded from
 * `application.submitted` events.
 */
async function maySeeEmail(user: UserRow, ctx: UsersContext): Promise<boolean> {
  if (maySeePrivateFields(user, ctx)) return true;
  if (ctx.viewer?.role !== 'EMPLOYER') return false;
  return (await ctx.loaders.applicantOfViewer.load(user.id)) !== null;
}

async function users(_: unknown, args: { role?: UserRole | null; first?: number | null; after?: string | null }, ctx: UsersContext) {
  requireRole(ctx, 'ADMIN');
  const tenant = requireTenant(ctx);
  const page = parsePageArgs(args);
  const filter = { role: args.role ?? null };
  const rows = await inTenant(ctx.db, tenant.id, (trx) => listUsers(trx, tenant.id, filter, page.limit, page.after));
  const countTotal = () => inTenant(ctx.db, tenant.id, (trx) => countUsers(trx, tenant.id, filter));
  return buildConnection(rows, page, (row) => ({ key: null, id: row.id }), countTotal);
}

async function updateProfile(_: unknown, { input }: { input: UpdateProfileInput }, ctx: UsersContext): Promise<UserRow> {
  const viewer = requireViewer(ctx);
  const tenant = requireTenant(ctx);
  const changes = validateProfileChanges(input);
  try {
    const updated = await inTenant(ctx.db, tenant.id, async (trx) => {
      const row = await updateUser(trx, tenant.id, viewer.userId, changes);
      if (row) {
        const payload = { ...toUserSnapshot(row), changedFields: toChangedFields(changes) };
        await appendEvent(trx, { type: 'user.updated', tenantId: tenant.id, aggregateId: row.id, payload });
      }
      return row;
    });
    if (!updated) throw notFound(`User "${viewer.userId}" of the access token no longer exists; log in again.`);
    return updated;
  } catch (error) {
    throw describeAccountConflict(error, { username: changes.username ?? undefined });
  }
}

export const userResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: UsersContext) => (ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.userId) : null),
    user: (_: unknown, args: { id: string }, ctx: UsersContext) => {
      requireTenant(ctx);
      return ctx.loaders.userById.load(parseId(args.id, 'id'));
    },
    users,
  },
  Mutation: { updateProfile },
  User: {
    __resolveReference: (reference: { id: string }, ctx: UsersContext) => ctx.loaders.userById.load(reference.id),
    tenant: (user: UserRow, _: unknown, ctx: UsersContext) => ctx.loaders.tenantOfUser.load(user.tenant_id),
    email: async (user: UserRow, _: unknown, ctx: UsersContext) => ((await maySeeEmail(user, ctx)) ? user.email : null),
    phone: (user: UserRow, _: unknown, ctx: UsersContext) => (maySeePrivateFields(user, ctx) ? user.phone : null),
    firstName: (user: UserRow) => user.first_name,
    lastName: (user: UserRow) => user.last_name,
    fullName: (user: UserRow) => `${user.first_name} ${user.last_name}`.trim(),
    dateOfBirth: (user: UserRow, _: unknown, ctx: UsersContext) => (maySeePrivateFields(user, ctx) ? user.date_of_birth : null),
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
