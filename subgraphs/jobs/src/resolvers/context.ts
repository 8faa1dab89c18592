import type { RequestContext } from '@jobgraph/kit';
import type { JobsDatabase } from '../db/database.ts';
import type { JobsLoaders } from '../loaders.ts';

export type JobsContext = RequestContext<JobsDatabase, JobsLoaders>;
