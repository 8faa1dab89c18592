import { writeFile } from 'node:fs/promises';
import { parseCommandLine } from './command-line.ts';
import { composeSupergraph, defaultSubgraphUrl } from './compose-supergraph.ts';
import { findSubgraphs, repositoryRoot } from './find-subgraphs.ts';

// Composes every subgraph's SDL into schema/supergraph.graphql, the file the gateway serves.
const usage = `Usage: npm run compose

Composes the SDL of every subgraph into schema/supergraph.graphql, the
supergraph the gateway serves, and fails on composition errors.

Options:
  -h, --help  Prints this help.`;
parseCommandLine({}, usage);
const subgraphs = await findSubgraphs();
const result = composeSupergraph(subgraphs.map((found) => found.definition), defaultSubgraphUrl);
if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const message of result.errors) console.error(`- ${message}`);
  process.exit(1);
}
const target = `${repositoryRoot}schema/supergraph.graphql`;
await writeFile(target, result.supergraphSdl);
console.log(`Composed ${subgraphs.map((found) => found.definition.name).join(', ')} into schema/supergraph.graphql`);
