import type { TestSupergraph } from './start-test-supergraph.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from './test-accounts.ts';

/** A tenant with an ADMIN, two EMPLOYERs and two CANDIDATEs, all logged in. */
export interface Cast {
  readonly tenant: TestTenant;
  readonly employer: TestUser;
  readonly otherEmployer: TestUser;
  readonly candidate: TestUser;
  readonly otherCandidate: TestUser;
}

/** Registers a tenant named `slug` with the accounts of a `Cast`. */
export async function createCast(graph: TestSupergraph, slug: string): Promise<Cast> {
  const tenant = await createTestTenant(graph, slug);
  return {
    tenant,
    employer: await createTestUser(graph, tenant, 'EMPLOYER'),
    otherEmployer: await createTestUser(graph, tenant, 'EMPLOYER'),
    candidate: await createTestUser(graph, tenant, 'CANDIDATE'),
    otherCandidate: await createTestUser(graph, tenant, 'CANDIDATE'),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every 50 ms until it returns true, for at most `timeoutMs`.
 * Event consumers apply events asynchronously, so tests wait for their
 * effects this way instead of sleeping a fixed time.
 */
export async function waitFor(check: () => Promise<boolean>, what: string | (() => string), timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    // A function describes the state at the time of the failure, not at the call.
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}.`);
    await sleep(50);
  }
}
