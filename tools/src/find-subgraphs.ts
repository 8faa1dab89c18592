import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SubgraphDefinition } from '@jobgraph/kit';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A subgraph package found under `subgraphs/`. */
export interface SubgraphPackage {
  readonly directory: string;
  readonly definition: SubgraphDefinition;
}

/**
 * Finds every subgraph package: a folder under `subgraphs/` whose
 * package.json has `jobgraph.subgraph`. Its `src/subgraph.ts` exports the
 * definition as default. A new subgraph joins compose and `npm start` by
 * existing; no list names them. `only` limits the search to some names.
 */
export async function findSubgraphs(only?: ReadonlySet<string>): Promise<SubgraphPackage[]> {
  const root = `${repositoryRoot}subgraphs`;
  const found: SubgraphPackage[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const directory = `${root}/${entry.name}`;
    const manifest = JSON.parse(await readFile(`${directory}/package.json`, 'utf8').catch(() => '{}')) as { jobgraph?: { subgraph?: string } };
    if (!manifest.jobgraph?.subgraph) continue;
    if (only && !only.has(manifest.jobgraph.subgraph)) continue;
    const module = (await import(pathToFileURL(`${directory}/src/subgraph.ts`).href)) as { default?: SubgraphDefinition };
    if (!module.default?.typeDefs) {
      throw new Error(`${directory}/src/subgraph.ts has no default export made with defineSubgraph().`);
    }
    found.push({ directory, definition: module.default });
  }
  return found.sort((a, b) => a.definition.defaultPort - b.definition.defaultPort);
}
