import { writeFile } from 'node:fs/promises';
import { renderErrorsDoc } from '@jobgraph/kit';
import { parseCommandLine } from './command-line.ts';
import { repositoryRoot } from './find-subgraphs.ts';

// Writes docs/errors.md from the kit's error code table.
const usage = `Usage: npm run docs:errors

Writes docs/errors.md from the table of error codes in the kit.

Options:
  -h, --help  Prints this help.`;
parseCommandLine({}, usage);
await writeFile(`${repositoryRoot}docs/errors.md`, renderErrorsDoc());
console.log('Wrote docs/errors.md');
