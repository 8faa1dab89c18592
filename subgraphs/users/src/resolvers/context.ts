import type { RequestContext } from '@jobgraph/kit';
import type { UsersDatabase } from '../db/database.ts';
import type { UsersLoaders } from '../loaders.ts';
import type { UsersServices } from '../services.ts';

export type UsersContext = RequestContext<UsersDatabase, UsersLoaders, UsersServices>;
