/**
 * The job categories of the NYC Jobs data set. A cell may hold several of
 * them joined by spaces, and most contain commas themselves, so a cell is
 * split by matching these names rather than by a separator.
 */
export const nycCategories = [
  'Administration & Human Resources',
  'Building Operations & Maintenance',
  'Clerical & Administrative Support',
  'Communications & Intergovernmental Affairs',
  'Community & Business Services',
  'Constituent Services & Community Programs',
  'Engineering, Architecture, & Planning',
  'Finance, Accounting, & Procurement',
  'Health',
  'Information Technology & Telecommunications',
  'Legal Affairs',
  'Legal',
  'Maintenance & Operations',
  'Policy & Analysis',
  'Policy, Research & Analysis',
  'Public Safety, Inspections, & Enforcement',
  'Social Services',
  'Technology, Data & Innovation',
] as const;

// Longest first, so that "Legal Affairs" wins over "Legal".
const byLength = [...nycCategories].sort((a, b) => b.length - a.length);

/**
 * Splits a category cell into category names. Returns the names found and,
 * when some text matched no known category, that text, which the caller
 * reports instead of guessing.
 */
export function splitNycCategories(cell: string): { readonly names: string[]; readonly unknown: string | null } {
  const names: string[] = [];
  let rest = cell.trim();
  while (rest !== '') {
    const match = byLength.find((name) => rest === name || rest.startsWith(`${name} `));
    if (!match) return { names, unknown: rest };
    if (!names.includes(match)) names.push(match);
    rest = rest.slice(match.length).trimStart();
  }
  return { names, unknown: null };
}
