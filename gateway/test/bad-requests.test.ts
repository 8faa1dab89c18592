import { demoUsers } from '@jobgraph/kit';
import { createTestTenant, startTestSupergraph, type GraphQLResponse, type TestSupergraph, type TestTenant } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const demoJobId = '0193a000-0000-7000-8000-000000000301';
const yearZero = 'DateTime "0000-01-01T00:00:00Z" is out of range. Give a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC.';
const yearZeroDate = 'Date "0000-01-01" is out of range. Give a date from 0001-01-01 to 9999-12-31.';

const importJobs = 'mutation Import($input: ImportJobsInput!) { importJobs(input: $input) { results { outcome } } }';
const applyToJob = 'mutation Apply($input: ApplyToJobInput!) { applyToJob(input: $input) { id } }';

function importedJob(externalId: string, publishedAt: string) {
  return { externalId, companyName: 'Year Zero Logistics', title: 'Dispatcher', description: 'Plans the routes of the delivery fleet.', employmentType: 'FULL_TIME', workplaceType: 'ONSITE', publishedAt };
}

/** Sends `body` as it is, so that a test can send JSON too deep for `JSON.stringify`. */
async function postRaw(url: string, body: string): Promise<{ status: number; text: string; body: GraphQLResponse }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'demo' }, body });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse };
}

describe('bad requests', () => {
  let graph: TestSupergraph;
  let tenant: TestTenant;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications', 'analytics'], demoData: true });
    tenant = await createTestTenant(graph, 'bad-requests');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  describe('dates outside the years 0001 to 9999', () => {
    const cases: ReadonlyArray<readonly [string, string, string, Record<string, unknown>, string]> = [
      ['jobs', 'a postedAfter literal', '{ jobs(filter: { postedAfter: "0000-01-01T00:00:00Z" }) { totalCount } }', {}, yearZero],
      ['jobs', 'a postedAfter variable', 'query ($after: DateTime) { jobs(filter: { postedAfter: $after }) { totalCount } }', { after: '0000-01-01T00:00:00Z' }, yearZero],
      ['jobs', 'an importJobs publishedAt', importJobs, { input: { jobs: [importedJob('ok-1', '2026-01-01T00:00:00Z'), importedJob('zero-1', '0000-01-01T00:00:00Z')] } }, yearZero],
      ['applications', 'an interviews range', '{ interviews(from: "0000-01-01T00:00:00Z") { totalCount } }', {}, yearZero],
      ['applications', 'an applyToJob availableFrom', applyToJob, { input: { jobId: demoJobId, availableFrom: '0000-01-01' } }, yearZeroDate],
      ['analytics', 'a platformAnalytics range', '{ platformAnalytics(from: "0000-01-01", to: "0001-01-02") { date } }', {}, yearZeroDate],
    ];

    it.each(cases)('rejects %s: %s at the gateway with HTTP 400', async (_subgraph, _name, document, variables, message) => {
      const response = await graph.query(document, variables, { token: tenant.adminToken });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(message);
    });

    it.each(cases)('rejects %s: %s at the subgraph itself', async (subgraph, _name, document, variables, message) => {
      const response = await graph.querySubgraph(subgraph, document, variables, { token: tenant.adminToken });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(message);
    });

    it('rejects viewsByDay in year 0000 at the analytics subgraph', async () => {
      const response = await graph.querySubgraph(
        'analytics',
        `{ _entities(representations: [{ __typename: "Job", id: "${demoJobId}" }]) { ... on Job { analytics { viewsByDay(from: "0000-01-01", to: "0000-01-02") { date } } } } }`,
        {},
        { tenant: 'demo' },
      );
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.message).toBe(yearZeroDate);
    });

    it('names the rejected import item and writes nothing', async () => {
      const jobs = [importedJob('ok-2', '2026-01-01T00:00:00Z'), importedJob('zero-2', '0000-01-01T00:00:00Z')];
      const response = await graph.query(importJobs, { input: { jobs } }, { token: tenant.adminToken });
      expect(response.errors?.[0]?.message).toContain('at "input.jobs[1].publishedAt"');
      const after = await graph.query<{ jobs: { totalCount: number } }>('{ jobs { totalCount } }', {}, { token: tenant.adminToken });
      expect(after.data?.jobs.totalCount).toBe(0);
    });

    it('accepts the first and the last instant of the range', async () => {
      const document = 'query ($after: DateTime) { jobs(filter: { postedAfter: $after }) { totalCount } }';
      const first = await graph.query<{ jobs: { totalCount: number } }>(document, { after: '0001-01-01T00:00:00Z' }, { tenant: 'demo' });
      expect(first.errors).toBeUndefined();
      expect(first.data?.jobs.totalCount).toBeGreaterThan(0);
      const last = await graph.query<{ jobs: { totalCount: number } }>(document, { after: '9999-12-31T23:59:59Z' }, { tenant: 'demo' });
      expect(last.errors).toBeUndefined();
      expect(last.data?.jobs.totalCount).toBe(0);
    });
  });

  describe('deeply nested input', () => {
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const nestedList = (depth: number) => `{ jobs(filter: { categoryIds: ${'['.repeat(depth)}${']'.repeat(depth)} }) { totalCount } }`;

    it.each([
      ['gateway', 'query ($filter: JobFilter) { jobs(filter: $filter) { totalCount } }', `{"filter":${deepObject}}`, 'filter'],
      ['jobs', 'query ($filter: JobFilter) { jobs(filter: $filter) { totalCount } }', `{"filter":${deepObject}}`, 'filter'],
      ['users', 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }', `{"representations":[${deepObject}]}`, 'representations'],
    ])('rejects variables nested 10,000 levels deep at the %s', async (service, document, variables, name) => {
      const url = service === 'gateway' ? graph.gatewayUrl : graph.subgraph(service).url;
      const response = await postRaw(url, `{"query":${JSON.stringify(document)},"variables":${variables}}`);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toBe(`Variable "$${name}" nests lists and objects more than 64 levels deep. Send a value with at most 64 levels.`);
    });

    it.each(['gateway', 'users', 'jobs'])('rejects a list literal nested 3,000 levels deep at the %s', async (service) => {
      const response = await postRaw(service === 'gateway' ? graph.gatewayUrl : graph.subgraph(service).url, JSON.stringify({ query: nestedList(3_000) }));
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toMatch(/^Operation rejected: Nesting limit of 64 brackets, braces and parentheses exceeded at line 1, column 92\./);
      expect(response.text).not.toMatch(/RangeError|call stack/);
    });

    it('rejects a nested document sent with GET', async () => {
      const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent(nestedList(100))}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.errors?.[0]?.message).toMatch(/^Operation rejected: Nesting limit of 64/);
    });
  });

  describe('HTTP status of request errors at the gateway', () => {
    const tooManyTokens = `{ ${Array.from({ length: 700 }, (_, index) => `a${index}: __typename`).join(' ')} }`;
    const cases: ReadonlyArray<readonly [string, { query: string; operationName?: string }, string]> = [
      ['a syntax error', { query: '{ jobs(first: ) }' }, 'Syntax Error: Unexpected ")".'],
      ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }, 'operationName "B" names no operation of the document. Set it to one of "A".'],
      [
        'two operations without operationName',
        { query: 'query A { __typename } query B { __typename }' },
        'The document has 2 operations, so the request must give an operation name. Set operationName to one of "A", "B".',
      ],
      ['a subscription', { query: 'subscription { jobs { totalCount } }' }, 'The supergraph has no subscription type. Send a query or a mutation.'],
      [
        'too many tokens',
        { query: tooManyTokens },
        'Operation rejected: Token limit of 2000 exceeded. Ask for less in one operation (fewer aliases, less nesting, smaller pages) or split it into several requests.',
      ],
    ];

    it.each(cases)('rejects %s with 400 and BAD_USER_INPUT', async (_name, request, message) => {
      const response = await postRaw(graph.gatewayUrl, JSON.stringify(request));
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toBe(message);
    });

    it.each([
      ['an Int overflow', 'query ($first: Int) { jobs(first: $first) { totalCount } }', { first: 2 ** 40 }, '1099511627776'],
      ['an invalid URL', 'mutation ($website: URL) { createCompany(input: { name: "Acme", website: $website }) { id } }', { website: 'http://' }, '"http://"'],
      ['an impossible date', 'query ($after: DateTime) { jobs(filter: { postedAfter: $after }) { totalCount } }', { after: '2027-02-30T00:00:00Z' }, '"2027-02-30T00:00:00Z"'],
    ])('rejects a variable with %s with 400', async (_name, document, variables, value) => {
      const response = await graph.query(document, variables, { tenant: 'demo' });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(value);
    });
  });

  describe('entity representations sent straight to a subgraph', () => {
    const entities = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';
    const entityTypes = [
      ['users', 'User'],
      ['users', 'Tenant'],
      ['jobs', 'Job'],
      ['jobs', 'Company'],
      ['jobs', 'Skill'],
      ['jobs', 'JobCategory'],
      ['applications', 'Application'],
      ['applications', 'Interview'],
      ['applications', 'Job'],
      ['applications', 'User'],
      ['analytics', 'Job'],
      ['analytics', 'User'],
    ] as const;

    it.each(entityTypes)('resolves %s %s representations whose id is not a string to null', async (subgraph, typename) => {
      const representations = [{ __typename: typename, id: { a: 1 } }, { __typename: typename, id: 5 }, { __typename: typename }];
      const response = await graph.querySubgraph(subgraph, entities, { representations }, { tenant: 'demo' });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ _entities: [null, null, null] });
    });

    it.each([
      ['applications', '... on Job { applicationCount applications(first: 1) { totalCount } myApplication { id } }'],
      ['applications', '... on User { applications(first: 1) { totalCount } }'],
      ['analytics', '... on Job { analytics { views } }'],
      ['analytics', '... on User { analytics { jobsViewed } }'],
    ])('resolves %s representations whose id is not a UUID to null: %s', async (subgraph, selection) => {
      const typename = selection.includes('on Job') ? 'Job' : 'User';
      const document = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
      const representations = [{ __typename: typename, id: 'zz' }, { __typename: typename, id: 'job-1' }];
      const response = await graph.querySubgraph(subgraph, document, { representations }, { token: tenant.adminToken });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ _entities: [null, null] });
    });

    it('keeps the order of the other representations', async () => {
      const response = await graph.querySubgraph(
        'users',
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id } } }',
        { representations: [{ __typename: 'User', id: demoUsers.employer }, { __typename: 'User', id: { a: 1 } }, { __typename: 'User', id: demoUsers.employer }] },
        { tenant: 'demo' },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ _entities: [{ id: demoUsers.employer }, null, { id: demoUsers.employer }] });
    });

    it('rejects an unknown __typename with BAD_USER_INPUT', async () => {
      const response = await graph.querySubgraph('users', entities, { representations: [{ __typename: 'Nope', id: demoUsers.employer }] }, { tenant: 'demo' });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe('representations[0] has __typename "Nope", which is no entity type of this subgraph. Use one of Tenant, User.');
    });

    it('rejects a representation that is not an object with BAD_USER_INPUT', async () => {
      const response = await graph.querySubgraph('jobs', entities, { representations: ['Job'] }, { tenant: 'demo' });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/^representations\[0\] is not an object\./);
    });
  });
});
