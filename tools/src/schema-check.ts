import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { findBreakingChanges, findDangerousChanges, parse, validate } from 'graphql';
import { protectOperations, readOperationLimits } from '@jobgraph/kit';
import { apiSchemaOf } from './api-schema.ts';
import { parseCommandLine } from './command-line.ts';
import { composeSupergraph, defaultSubgraphUrl } from './compose-supergraph.ts';
import { findSubgraphs, repositoryRoot } from './find-subgraphs.ts';

/**
 * `npm run schema:check [-- --base <git revision>]` fails when:
 * - the subgraphs do not compose;
 * - schema/supergraph.graphql differs from a fresh composition (run `npm run compose`);
 * - the API schema breaks clients of the base revision's supergraph (default `HEAD~1`),
 *   unless the change is listed in schema/accepted-breaking-changes.json;
 * - a document in schema/operations/ no longer validates, or breaks the operation limits.
 */
const usage = `Usage: npm run schema:check [-- --base <revision>]

Checks that the subgraphs compose, that schema/supergraph.graphql is up to
date, that the API schema keeps the clients of the base revision working,
and that the documents in schema/operations/ still validate.

Options:
  --base <revision>  The git revision to compare with (default: the SCHEMA_BASE variable, else HEAD~1).
  -h, --help         Prints this help.`;
const { values } = parseCommandLine({ options: { base: { type: 'string', default: process.env.SCHEMA_BASE ?? 'HEAD~1' } } }, usage);
const supergraphPath = 'schema/supergraph.graphql';
const limitRules = protectOperations(readOperationLimits({})).validationRules;
const failures: string[] = [];

const subgraphs = await findSubgraphs();
const composed = composeSupergraph(subgraphs.map((found) => found.definition), defaultSubgraphUrl);
if (composed.errors) {
  failures.push(...composed.errors.map((message) => `composition: ${message}`));
} else {
  const committed = await readFile(`${repositoryRoot}${supergraphPath}`, 'utf8').catch(() => '');
  if (committed !== composed.supergraphSdl) {
    failures.push(`${supergraphPath} is stale: it differs from a fresh composition of the subgraphs. Run "npm run compose" and commit the result.`);
  }
  const current = apiSchemaOf(composed.supergraphSdl);

  const baseSdl = readAtRevision(values.base, supergraphPath);
  if (baseSdl === undefined) {
    console.log(`No ${supergraphPath} at base revision "${values.base}"; skipping the breaking-change check.`);
  } else {
    const base = apiSchemaOf(baseSdl);
    const accepted = new Set(await readAccepted());
    for (const change of findBreakingChanges(base, current)) {
      if (!accepted.has(change.description)) {
        failures.push(`breaking change since ${values.base}: ${change.description} (if it is intended, add this description to schema/accepted-breaking-changes.json)`);
      }
    }
    for (const change of findDangerousChanges(base, current)) {
      console.log(`warning: change since ${values.base} that may affect clients: ${change.description}`);
    }
  }

  const operationsDirectory = `${repositoryRoot}schema/operations`;
  const documents = (await readdir(operationsDirectory).catch(() => [])).filter((name) => name.endsWith('.graphql'));
  for (const name of documents) {
    const source = await readFile(`${operationsDirectory}/${name}`, 'utf8');
    let errors: readonly { message: string }[];
    try {
      const document = parse(source);
      // The documents must also pass the operation limits of the gateway and subgraphs, at their defaults.
      errors = [...validate(current, document), ...validate(current, document, limitRules)];
    } catch (error) {
      errors = [{ message: (error as Error).message }];
    }
    failures.push(...errors.map((error) => `schema/operations/${name}: ${error.message}`));
  }
  console.log(`Checked the composition of ${subgraphs.length} subgraphs and ${documents.length} operation document(s).`);
}

if (failures.length > 0) {
  console.error(`schema:check failed with ${failures.length} problem(s):`);
  for (const failure of failures) console.error(`- ${failure}`);
  process.exit(1);
}
console.log('schema:check passed.');

/** Returns the file at `path` in git revision `revision`, or undefined when the revision or file does not exist. */
function readAtRevision(revision: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${revision}:${path}`], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

async function readAccepted(): Promise<string[]> {
  const text = await readFile(`${repositoryRoot}schema/accepted-breaking-changes.json`, 'utf8').catch(() => '[]');
  return JSON.parse(text) as string[];
}
