import type { CategoryRow } from '../db/database.ts';

/** A tenant's categories indexed for walking the tree in memory. */
export interface CategoryTree {
  readonly roots: readonly CategoryRow[];
  readonly byId: ReadonlyMap<string, CategoryRow>;
  readonly childrenById: ReadonlyMap<string, readonly CategoryRow[]>;
}

/** Indexes `rows`, which arrive in sibling order, by id and by parent. */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryTree {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const childrenById = new Map<string, CategoryRow[]>();
  const roots: CategoryRow[] = [];
  for (const row of rows) {
    if (row.parent_id === null) {
      roots.push(row);
      continue;
    }
    const siblings = childrenById.get(row.parent_id);
    if (siblings) siblings.push(row);
    else childrenById.set(row.parent_id, [row]);
  }
  return { roots, byId, childrenById };
}

/** Returns `ids` with every descendant of the categories they name; ids of no category are dropped. */
export function withDescendants(tree: CategoryTree, ids: readonly string[]): string[] {
  const found = new Set<string>();
  const pending = ids.filter((id) => tree.byId.has(id));
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    for (const child of tree.childrenById.get(id) ?? []) pending.push(child.id);
  }
  return [...found];
}
