import { Agent, get } from 'node:http';
import { demoTenant, demoUsers, inTenant, keepAliveTimeoutMs, newId } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const demoJobId = '0193a000-0000-7000-8000-000000000301';

const jobPageQuery = /* GraphQL */ `
  query JobSlice($id: ID!) {
    job(id: $id) {
      title
      salary { min max currency period }
      company { name }
      employer { fullName }
    }
  }
`;

describe('supergraph through the gateway', () => {
  let graph: TestSupergraph;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'], demoData: true });
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('resolves a job with its company and employer across subgraphs', async () => {
    const response = await graph.query(jobPageQuery, { id: demoJobId }, { tenant: 'demo' });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      job: {
        title: 'Senior Backend Engineer',
        salary: { min: 68000, max: 84000, currency: 'EUR', period: 'YEAR' },
        company: { name: 'Northwind Logistics' },
        employer: { fullName: 'Lena Marsh' },
      },
    });
  });

  it('returns the request id it was given, and makes one otherwise', async () => {
    const given = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'demo', 'x-request-id': 'trace-123' },
      body: JSON.stringify({ query: '{ jobs(first: 1) { totalCount } }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'demo' },
      body: JSON.stringify({ query: '{ jobs(first: 1) { totalCount } }' }),
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps idle connections for 65 s', async () => {
    const urls = [graph.gatewayUrl, graph.subgraph('users').url, graph.subgraph('jobs').url].map((url) => url.replace(/\/graphql$/, '/health'));
    for (const url of urls) {
      const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
        get(url, { agent: new Agent({ keepAlive: true }) }, (response) => {
          response.resume();
          resolve(response.headers['keep-alive'] as string | undefined);
        }).on('error', reject);
      });
      expect(keepAlive, url).toBe(`timeout=${keepAliveTimeoutMs / 1000}`);
    }
  });

  it('asks for a tenant when the request names none', async () => {
    const response = await graph.query(jobPageQuery, { id: demoJobId });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('X-Tenant');
  });

  it('answers an unknown tenant with NOT_FOUND', async () => {
    const response = await graph.query(jobPageQuery, { id: demoJobId }, { tenant: 'no-such-tenant' });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toContain('Tenant "no-such-tenant" does not exist');
  });

  it('rejects an id that is not a UUID with BAD_USER_INPUT', async () => {
    const response = await graph.query(jobPageQuery, { id: 'DROP TABLE jobs' }, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('id "DROP TABLE jobs" is not a valid id; ids are UUIDs such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".');
  });

  it('reports a query for an unknown field as BAD_USER_INPUT', async () => {
    const response = await graph.query('{ job(id: "x") { salaryInBitcoin } }', {}, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('salaryInBitcoin');
  });

  it('rejects an operation with too many aliases before planning it', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: jobs(first: 1) { totalCount }`).join(' ');
    const response = await graph.query(`{ ${aliases} }`, {}, { tenant: 'demo' });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/^Operation rejected: Aliases limit of 15 exceeded, found 16\. Ask for less/);
  });

  it('rejects an operation nested deeper than the limit', async () => {
    const nested = `{ jobs { edges { node { company { jobs { edges { node { company { jobs { edges { node { company { name } } } } } } } } } } } } }`;
    const response = await graph.query(nested, {}, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('counts requests by operation in the metrics', async () => {
    await graph.query(jobPageQuery, { id: demoJobId }, { tenant: 'demo' });
    const metrics = await (await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/jobgraph_graphql_requests_total\{operation="JobSlice",outcome="ok"\} \d+/);
  });

  it('reports a variable that a custom scalar rejects as BAD_USER_INPUT', async () => {
    const response = await graph.query(
      'mutation Register($input: RegisterInput!) { register(input: $input) { accessToken } }',
      { input: { email: 'not-an-email', username: 'someone', password: 'a long enough passphrase 7', firstName: 'Some', lastName: 'One' } },
      { tenant: 'demo' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('not-an-email');
    expect(JSON.stringify(response.errors)).not.toContain('localhost');
  });

  it('logs the demo data as events for other subgraphs', async () => {
    const jobsUrl = graph.subgraph('jobs').url.replace(/\/graphql$/, '');
    const { events } = (await (await fetch(`${jobsUrl}/internal/events/outbox?after=0&limit=1000`)).json()) as {
      events: Array<{ type: string; aggregateId: string }>;
    };
    const ofDemoJob = events.filter((event) => event.aggregateId === demoJobId).map((event) => event.type);
    expect(ofDemoJob).toEqual(['job.created', 'job.published']);
    const usersUrl = graph.subgraph('users').url.replace(/\/graphql$/, '');
    const users = (await (await fetch(`${usersUrl}/internal/events/outbox?after=0&limit=1000`)).json()) as { events: Array<{ type: string }> };
    expect(users.events.filter((event) => event.type === 'user.registered')).toHaveLength(4);
  });

  it('answers a body that is not JSON with BAD_USER_INPUT, not an HTML page', async () => {
    const response = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toContain('not valid JSON');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('rejects a NUL character in an argument with BAD_USER_INPUT', async () => {
    const response = await graph.query('query ($id: ID!) { job(id: $id) { title } }', { id: 'abc\u0000def' }, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('NUL character');
  });

  it('reports a missing operation name as BAD_USER_INPUT', async () => {
    const response = await graph.query('query A { jobs(first: 1) { totalCount } } query B { jobs(first: 1) { totalCount } }', {}, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('operation name');
  });

  it('answers a CORS preflight from a browser', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,x-tenant' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('cuts a huge bad value in the error message', async () => {
    const response = await graph.query(jobPageQuery, { id: 'x'.repeat(5_000) }, { tenant: 'demo' });
    expect(response.errors?.[0]?.message.length).toBeLessThan(300);
  });

  it('hides a draft job from an anonymous reader', async () => {
    const response = await graph.query(jobPageQuery, { id: '0193a000-0000-7000-8000-000000000304' }, { tenant: 'demo' });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ job: null });
  });
});

describe('SQL statements per query', () => {
  let graph: TestSupergraph;
  const otherTenant = '0193b000-0000-7000-8000-0000000000ff';

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'], demoData: true });
  });

  afterAll(async () => {
    await graph?.stop();
  });

  /** Adds `count` published jobs, each with its own employer and company, to the demo tenant. */
  async function addJobs(count: number): Promise<void> {
    const users = graph.subgraph('users').database.kysely as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const jobs = graph.subgraph('jobs').database.kysely as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const employers = Array.from({ length: count }, (_, index) => ({
      tenant_id: demoTenant.id,
      id: newId(),
      email: `employer${index}-${Date.now()}@example.com`,
      username: `employer${index}-${Date.now()}`,
      first_name: 'Employer',
      last_name: String(index),
      role: 'EMPLOYER',
    }));
    await inTenant(users, demoTenant.id, (trx) => trx.insertInto('users').values(employers).execute());
    const companies = employers.map((employer, index) => ({ tenant_id: demoTenant.id, id: newId(), owner_id: employer.id, name: `Company ${index}` }));
    await inTenant(jobs, demoTenant.id, async (trx) => {
      await trx.insertInto('companies').values(companies).execute();
      await trx
        .insertInto('jobs')
        .values(
          companies.map((company, index) => ({
            tenant_id: demoTenant.id,
            id: newId(),
            company_id: company.id,
            employer_id: company.owner_id,
            title: `Job ${index}`,
            description: 'A job added to count statements.',
            employment_type: 'FULL_TIME',
            workplace_type: 'REMOTE',
            status: 'PUBLISHED',
            published_at: new Date(),
          })),
        )
        .execute();
    });
  }

  async function countStatements(first: number): Promise<Record<string, number>> {
    const before = graph.statementCounts();
    const response = await graph.query<{ jobs: { edges: unknown[] } }>(
      `query Page($first: Int!) { jobs(first: $first) { edges { node { title company { name } employer { fullName } } } } }`,
      { first },
      { tenant: 'demo' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.jobs.edges).toHaveLength(first);
    const after = graph.statementCounts();
    return Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - before[name]!]));
  }

  it('costs the same statements for 1 job as for 50', async () => {
    await addJobs(50);
    // The first request fills the tenant caches; measure the ones after it.
    await countStatements(1);
    const one = await countStatements(1);
    const fifty = await countStatements(50);
    expect(fifty).toEqual(one);
  });

  it('applies the operation limits to a request sent straight to a subgraph', async () => {
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: jobs(first: 100) { totalCount }`).join(' ');
    const response = await graph.querySubgraph('jobs', `{ ${aliases} }`, {}, { tenant: 'demo' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Aliases limit of 15 exceeded, found 20');
    const tokens = Array.from({ length: 700 }, (_, index) => `a${index}: __typename`).join(' ');
    const tooLong = await graph.querySubgraph('jobs', `{ ${tokens} }`, {}, { tenant: 'demo' });
    expect(tooLong.errors?.[0]?.message).toMatch(/^Operation rejected: Token limit of 2000 exceeded\. Ask for less/);
  });

  it('answers a malformed body sent straight to a subgraph with JSON', async () => {
    const response = await fetch(graph.subgraph('users').url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'hello' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('resolves entity representations of another tenant to null', async () => {
    const response = await graph.querySubgraph(
      'users',
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id fullName } } }',
      { representations: [{ __typename: 'User', id: demoUsers.employer }, { __typename: 'User', id: otherTenant }, { __typename: 'User', id: 'not-a-uuid' }] },
      { tenant: 'demo' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ _entities: [{ id: demoUsers.employer, fullName: 'Lena Marsh' }, null, null] });
  });
});

describe('a failure while a request is identified', () => {
  let graph: TestSupergraph;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    // Without the users subgraph, no service can look up a tenant it has not cached yet.
    await graph.subgraph('users').stop();
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it.each(['gateway', 'jobs'])('answers INTERNAL_SERVER_ERROR with the request id at the %s, and logs the cause', async (service) => {
    const document = '{ jobs(first: 1) { totalCount } }';
    const response = service === 'gateway' ? await graph.query(document, {}, { tenant: 'unseen' }) : await graph.querySubgraph(service, document, {}, { tenant: 'unseen' });
    expect(response.status).toBe(500);
    const [error] = response.errors ?? [];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).toMatch(/^Internal server error\. Quote extensions\.requestId/);
    expect(error?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.extensions?.testServerLog).toEqual([expect.objectContaining({ service, message: 'request context failed' })]);
  });
});
