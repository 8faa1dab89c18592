/**
 * The demo tenant that `npm start` loads on first start. Each subgraph seeds
 * its own part of it, so the ids that cross subgraphs are fixed here.
 */
export const demoTenant = {
  id: '0193a000-0000-7000-8000-000000000001',
  slug: 'demo',
  name: 'Demo Careers',
} as const;

/** Users of the demo tenant that other subgraphs' demo rows refer to. */
export const demoUsers = {
  admin: '0193a000-0000-7000-8000-000000000101',
  employer: '0193a000-0000-7000-8000-000000000102',
  secondEmployer: '0193a000-0000-7000-8000-000000000103',
  candidate: '0193a000-0000-7000-8000-000000000104',
} as const;
