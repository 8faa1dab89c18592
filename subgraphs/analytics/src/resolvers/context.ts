import type { RequestContext } from '@jobgraph/kit';
import type { AnalyticsDatabase } from '../db/database.ts';
import type { AnalyticsLoaders } from '../loaders.ts';

export type AnalyticsContext = RequestContext<AnalyticsDatabase, AnalyticsLoaders>;
