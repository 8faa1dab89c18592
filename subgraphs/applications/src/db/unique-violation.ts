/** Tells whether `error` is PostgreSQL's unique violation (SQLSTATE 23505) of `constraint`, from `pg` or PGlite. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
