import { setTimeout as sleep } from 'node:timers/promises';
import { appendEvent, badUserInput, conflict, inTenant, newId, requireRole, requireTenant, unauthenticated, type UserRole } from '@jobgraph/kit';
import { hashPassword, unmatchableHash, verifyPassword } from '../auth/password-hashing.ts';
import { maxPasswordLength } from '../auth/password-strength.ts';
import type { RegistrationKind } from '../auth/registration-throttle.ts';
import { closeSession, openSession, refreshSession, type AuthPayload } from '../auth/sessions.ts';
import type { UserRow } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { findUserByLogin, insertTenant, insertUser } from '../db/user-queries.ts';
import { validateName, validateRegistration, validateTenantSlug, type RegisterInput, type ValidRegistration } from '../domain/account-input.ts';
import { toUserSnapshot } from '../domain/user-snapshot.ts';
import type { UsersContext } from './context.ts';
import { markSessionUser } from './session-user.ts';

interface RegisterTenantInput {
  readonly slug: string;
  readonly name: string;
  readonly admin: RegisterInput;
}

async function registerTenant(_: unknown, { input }: { input: RegisterTenantInput }, ctx: UsersContext): Promise<AuthPayload> {
  const slug = validateTenantSlug(input.slug, 'input.slug');
  const name = validateName(input.name, 'input.name');
  if (input.admin.role && input.admin.role !== 'ADMIN') {
    throw badUserInput(`input.admin.role is ${input.admin.role}, but the first user of a tenant is its ADMIN; leave the role out.`, { field: 'input.admin.role' });
  }
  const admin = validateRegistration(input.admin, 'input.admin');
  admitRegistration(ctx, ['tenant', 'account']);
  const passwordHash = await hashPassword(admin.password);
  const tenantId = newId();
  try {
    return await inTenant(ctx.db, tenantId, async (trx) => {
      await insertTenant(trx, { id: tenantId, slug, name });
      const user = await insertUser(trx, newUserRow(tenantId, admin, 'ADMIN', passwordHash));
      await appendEvent(trx, { type: 'user.registered', tenantId, aggregateId: user.id, payload: toUserSnapshot(user) });
      return openSession(trx, ctx.services, user);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_slug_key')) throw conflict(`Tenant slug "${slug}" is taken; choose another slug.`, { field: 'input.slug' });
    throw error;
  }
}

async function register(_: unknown, { input }: { input: RegisterInput }, ctx: UsersContext): Promise<AuthPayload> {
  const tenant = requireTenant(ctx);
  const role = input.role ?? 'CANDIDATE';
  if (role === 'ADMIN') requireRole(ctx, 'ADMIN');
  const account = validateRegistration(input);
  admitRegistration(ctx, ['account']);
  const passwordHash = await hashPassword(account.password);
  try {
    return await inTenant(ctx.db, tenant.id, async (trx) => {
      const user = await insertUser(trx, newUserRow(tenant.id, account, role, passwordHash));
      await appendEvent(trx, { type: 'user.registered', tenantId: tenant.id, aggregateId: user.id, payload: toUserSnapshot(user) });
      return openSession(trx, ctx.services, user);
    });
  } catch (error) {
    throw describeAccountConflict(error, account);
  }
}

/**
 * Counts a registration against the client address's hourly limits, or raises
 * RATE_LIMITED. It runs after the input checks, so that only registrations
 * that go on to hash a password count.
 */
function admitRegistration(ctx: UsersContext, kinds: readonly RegistrationKind[]): void {
  const reached = ctx.services.registrationThrottle.admit(ctx.clientAddress, kinds);
  for (const kind of reached) {
    ctx.logger.warn({ clientAddress: ctx.clientAddress, kind }, 'client reached its hourly registration limit; further registrations are rejected until the hour ends');
  }
}

async function login(_: unknown, { input }: { input: { login: string; password: string } }, ctx: UsersContext): Promise<AuthPayload> {
  const tenant = requireTenant(ctx);
  const throttle = ctx.services.loginThrottle;
  throttle.admitOneAttemptPerRequest(ctx);
  const loginName = input.login.trim().toLowerCase();
  const user = await inTenant(ctx.db, tenant.id, (trx) => findUserByLogin(trx, tenant.id, loginName));
  // An account has one counter, whether the login names it by username or by email. An unknown login is counted
  // under its normalised text, so that known and unknown logins are blocked alike and take as long.
  const account = user ? `${tenant.id}:user:${user.id}` : `${tenant.id}:login:${loginName}`;
  const keys = { account, client: ctx.clientAddress };
  throttle.check(keys, input.login);

  const matches = await passwordMatches(input.password, user?.password_hash ?? undefined);
  if (!user || !matches) {
    const delayMs = throttle.recordFailure(keys);
    ctx.logger.info({ delayMs, knownAccount: user !== undefined }, 'login failed');
    await sleep(delayMs);
    throw unauthenticated('The login or the password is wrong. Check both and try again.', { reason: 'INVALID_CREDENTIALS' });
  }
  throttle.recordSuccess(keys);
  return inTenant(ctx.db, tenant.id, (trx) => openSession(trx, ctx.services, user));
}

function refreshToken(_: unknown, args: { refreshToken: string }, ctx: UsersContext): Promise<AuthPayload> {
  return refreshSession(ctx.db, ctx.services, args.refreshToken, ctx.tenant);
}

function logout(_: unknown, args: { refreshToken: string }, ctx: UsersContext): Promise<boolean> {
  return closeSession(ctx.db, args.refreshToken);
}

/** Checks a password in constant time per hash. An unknown account is checked against an unmatchable hash, so it takes as long. */
async function passwordMatches(password: string, stored: string | undefined): Promise<boolean> {
  // A password longer than any accepted one cannot match; this also bounds the hashing work per attempt.
  if ([...password].length > maxPasswordLength) return false;
  return verifyPassword(password, stored ?? (await unmatchableHash()));
}

function newUserRow(tenantId: string, account: ValidRegistration, role: UserRole, passwordHash: string) {
  return {
    tenant_id: tenantId,
    id: newId(),
    email: account.email,
    username: account.username,
    first_name: account.firstName,
    last_name: account.lastName,
    role,
    password_hash: passwordHash,
  };
}

/** Turns a unique violation of the users table into CONFLICT naming the taken value; returns other errors unchanged. */
export function describeAccountConflict(error: unknown, account: { readonly email?: string; readonly username?: string }): unknown {
  if (isUniqueViolation(error, 'users_email_key')) {
    return conflict(`Email "${account.email}" is already registered in this tenant; log in, or register with another address.`, { field: 'input.email' });
  }
  if (isUniqueViolation(error, 'users_username_key')) {
    return conflict(`Username "${account.username}" is taken in this tenant; choose another.`, { field: 'input.username' });
  }
  return error;
}

export const authResolvers = {
  Mutation: { registerTenant, register, login, refreshToken, logout },
  AuthPayload: {
    user: (payload: AuthPayload): UserRow => markSessionUser(payload.user),
  },
};
