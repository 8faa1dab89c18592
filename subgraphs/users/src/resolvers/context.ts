import type { RequestContext } from '@jobgraph/kit';
import type { UsersDatabase } from '../db/database.ts';
import type { UsersLoaders } from '../loaders.ts';

export type UsersContext = RequestContext<UsersDatabase, UsersLoaders>;
