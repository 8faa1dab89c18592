/** Tells whether `error` is PostgreSQL's unique violation (23505) on the index or constraint `name`; both drivers report it the same way. */
export function isUniqueViolation(error: unknown, name: string): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === name;
}
