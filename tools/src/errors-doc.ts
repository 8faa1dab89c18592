import { writeFile } from 'node:fs/promises';
import { renderErrorsDoc } from '@jobgraph/kit';
import { repositoryRoot } from './find-subgraphs.ts';

// Writes docs/errors.md from the kit's error code table.
await writeFile(`${repositoryRoot}docs/errors.md`, renderErrorsDoc());
console.log('Wrote docs/errors.md');
