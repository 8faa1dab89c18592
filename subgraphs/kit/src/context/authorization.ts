import { forbidden, unauthenticated } from '../errors/client-error.ts';
import type { RequestContext, UserRole, Viewer } from './request-context.ts';

/** Returns the viewer, or raises UNAUTHENTICATED for an anonymous request. */
export function requireViewer(ctx: Pick<RequestContext, 'viewer'>): Viewer {
  if (!ctx.viewer) throw unauthenticated('You must be logged in to do this; send "Authorization: Bearer <accessToken>" from login.');
  return ctx.viewer;
}

/** Returns the viewer when their role is one of `roles`; raises UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(ctx: Pick<RequestContext, 'viewer'>, ...roles: readonly UserRole[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!roles.includes(viewer.role)) {
    throw forbidden(`This needs the role ${roles.join(' or ')}; you are ${viewer.role}.`, { requiredRoles: roles });
  }
  return viewer;
}

/** Tells whether the viewer is the user `userId` or an ADMIN of the tenant. */
export function isSelfOrAdmin(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || viewer.role === 'ADMIN');
}

/** Returns the viewer when they are the user `userId` or an ADMIN; raises UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireSelfOrAdmin(ctx: Pick<RequestContext, 'viewer'>, userId: string, what: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!isSelfOrAdmin(viewer, userId)) throw forbidden(`Only the owner or an ADMIN may ${what}.`);
  return viewer;
}
