import type { RequestContext } from '@jobgraph/kit';
import type { ApplicationsDatabase } from '../db/database.ts';
import type { ApplicationsLoaders } from '../loaders.ts';

export type ApplicationsContext = RequestContext<ApplicationsDatabase, ApplicationsLoaders>;
