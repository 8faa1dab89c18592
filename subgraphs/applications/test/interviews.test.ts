import { encodeCursor, inTenant, newId, quoteValue } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../src/db/database.ts';
import { applicationsDatabase, createCast, onlyError, readApplicationEvents, waitForRole, type Cast } from './fixtures.ts';

const schedule = /* GraphQL */ `
  mutation Schedule($input: ScheduleInterviewInput!) {
    scheduleInterview(input: $input) { id status durationMinutes interviewer { id } application { status } }
  }
`;
const update = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateInterviewInput!) { updateInterview(id: $id, input: $input) { id status scheduledAt feedback rating } }
`;
const cancel = 'mutation Cancel($id: ID!) { cancelInterview(id: $id) { status } }';

const hour = 3_600_000;
const inDays = (days: number, hours = 0) => new Date(Date.UTC(2030, 0, 1) + days * 24 * hour + hours * hour).toISOString();

interface Scheduled {
  scheduleInterview: { id: string; status: string; durationMinutes: number; interviewer: { id: string }; application: { status: string } };
}

describe('interviews', () => {
  let graph: TestSupergraph;
  let cast: Cast;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications'] });
    cast = await createCast(graph, 'interviews');
    await waitForRole(graph, cast.tenant.id, cast.otherEmployer.id);
    await waitForRole(graph, cast.tenant.id, cast.candidate.id);
  });

  afterAll(async () => {
    await graph?.stop();
  });

  /** Moves an interview an hour into the past, as if it had taken place. */
  async function moveIntoPast(interviewId: string): Promise<void> {
    const started = new Date(Date.now() - 3_600_000);
    await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) =>
      trx.updateTable('interviews').set({ scheduled_at: started, ends_at: new Date(started.getTime() + 30 * 60_000) }).where('id', '=', interviewId).execute(),
    );
  }

  async function insertApplication(status: ApplicationStatus): Promise<string> {
    const row = { tenant_id: cast.tenant.id, id: newId(), job_id: newId(), applicant_id: cast.candidate.id, employer_id: cast.employer.id, status };
    await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) => trx.insertInto('applications').values(row).execute());
    return row.id;
  }

  async function scheduleOk(input: Record<string, unknown>): Promise<Scheduled['scheduleInterview']> {
    const response = await graph.query<Scheduled>(schedule, { input: { durationMinutes: 60, type: 'VIDEO', ...input } }, { token: cast.employer.token });
    expect(response.errors).toBeUndefined();
    return response.data!.scheduleInterview;
  }

  it('moves a SHORTLISTED application to INTERVIEWING', async () => {
    const applicationId = await insertApplication('SHORTLISTED');
    const interview = await scheduleOk({ applicationId, scheduledAt: inDays(1) });
    expect(interview).toMatchObject({ status: 'SCHEDULED', durationMinutes: 60, interviewer: { id: cast.employer.id }, application: { status: 'INTERVIEWING' } });
    const events = await readApplicationEvents(graph, interview.id);
    expect(events.map((event) => event.type)).toEqual(['interview.scheduled']);
    expect(events[0]!.payload).toMatchObject({ applicationId, applicantId: cast.candidate.id, employerId: cast.employer.id, interviewerId: cast.employer.id });
  });

  for (const status of ['SUBMITTED', 'REVIEWING', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN'] as const) {
    it(`rejects scheduling for ${status}`, async () => {
      const applicationId = await insertApplication(status);
      const response = await graph.query(schedule, { input: { applicationId, scheduledAt: inDays(2), durationMinutes: 30, type: 'PHONE' } }, { token: cast.employer.token });
      const error = onlyError(response);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe(`Application "${applicationId}" is ${status}; interviews are scheduled for SHORTLISTED or INTERVIEWING applications only.`);
    });
  }

  it('rejects overlapping interviews of one interviewer', async () => {
    const first = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(10, 9) });
    const overlapping = [inDays(10, 9), inDays(10, 8.5), inDays(10, 9.99)];
    for (const scheduledAt of overlapping) {
      const response = await graph.query(schedule, { input: { applicationId: await insertApplication('INTERVIEWING'), scheduledAt, durationMinutes: 60, type: 'PHONE' } }, { token: cast.employer.token });
      const error = onlyError(response);
      expect(error.code, scheduledAt).toBe('CONFLICT');
      expect(error.message, scheduledAt).toBe(
        `Interviewer "${cast.employer.id}" already has interview "${first.id}" from ${inDays(10, 9)} to ${inDays(10, 10)}, which overlaps; pick another time or interviewer.`,
      );
    }
    // Back to back is not an overlap, and another interviewer is free at the same time.
    await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(10, 10) });
    await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(10, 9), interviewerId: cast.otherEmployer.id });
  });

  it('frees the slot of a cancelled interview', async () => {
    const first = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(20) });
    const cancelled = await graph.query(cancel, { id: first.id }, { token: cast.employer.token });
    expect(cancelled.data).toEqual({ cancelInterview: { status: 'CANCELLED' } });
    await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(20) });
    const again = onlyError(await graph.query(cancel, { id: first.id }, { token: cast.employer.token }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(`Interview "${first.id}" is CANCELLED; only a SCHEDULED interview can be cancelled.`);
  });

  it('schedules one of twenty concurrent overlapping interviews', async () => {
    const applicationIds = await Promise.all(Array.from({ length: 20 }, () => insertApplication('INTERVIEWING')));
    const responses = await Promise.all(
      applicationIds.map((applicationId, index) =>
        graph.query(schedule, { input: { applicationId, scheduledAt: inDays(30, index / 60), durationMinutes: 60, type: 'PHONE' } }, { token: cast.employer.token }),
      ),
    );
    expect(responses.filter((response) => response.errors === undefined)).toHaveLength(1);
    expect(responses.filter((response) => response.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(19);
  });

  it('rejects a rescheduling into an overlap', async () => {
    const fixed = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(40, 9) });
    const moving = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(40, 12) });
    const error = onlyError(await graph.query(update, { id: moving.id, input: { scheduledAt: inDays(40, 9.5) } }, { token: cast.employer.token }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`already has interview "${fixed.id}"`);
    const moved = await graph.query(update, { id: moving.id, input: { scheduledAt: inDays(40, 14), durationMinutes: 90 } }, { token: cast.employer.token });
    expect(moved.errors).toBeUndefined();
  });

  it('rejects invalid durations, ratings and times', async () => {
    const applicationId = await insertApplication('INTERVIEWING');
    const cases: [Record<string, unknown>, string][] = [
      [{ durationMinutes: 14 }, 'durationMinutes 14 is out of range; an interview lasts 15 to 480 minutes.'],
      [{ durationMinutes: 481 }, 'durationMinutes 481 is out of range; an interview lasts 15 to 480 minutes.'],
      [{ scheduledAt: '2020-01-01T09:00:00.000Z' }, /^scheduledAt "2020-01-01T09:00:00.000Z" is in the past; schedule the interview after /.source],
      [{ meetingUrl: 'ftp://meet.example.com/1' }, 'meetingUrl "ftp://meet.example.com/1" is not an http or https address; give a link such as "https://meet.example.com/interview-42".'],
    ];
    for (const [input, message] of cases) {
      const error = onlyError(await graph.query(schedule, { input: { applicationId, scheduledAt: inDays(50), durationMinutes: 30, type: 'PHONE', ...input } }, { token: cast.employer.token }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(new RegExp(message.startsWith('^') ? message : `^${message.replace(/[.*+?()[\]]/g, '\\$&')}$`));
    }

    const interview = await scheduleOk({ applicationId, scheduledAt: inDays(50) });
    await moveIntoPast(interview.id);
    for (const rating of [0, 6]) {
      const error = onlyError(await graph.query(update, { id: interview.id, input: { status: 'COMPLETED', rating } }, { token: cast.employer.token }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe(`rating ${rating} is out of range; rate an interview from 1 to 5.`);
    }

    const early = onlyError(await graph.query(update, { id: interview.id, input: { rating: 4 } }, { token: cast.employer.token }));
    expect(early.code).toBe('BAD_USER_INPUT');

    const done = await graph.query(update, { id: interview.id, input: { status: 'COMPLETED', rating: 4, feedback: 'Clear answers' } }, { token: cast.employer.token });
    expect(done.data).toMatchObject({ updateInterview: { status: 'COMPLETED', rating: 4, feedback: 'Clear answers' } });
    const reopened = onlyError(await graph.query(update, { id: interview.id, input: { status: 'SCHEDULED' } }, { token: cast.employer.token }));
    expect(reopened.code).toBe('CONFLICT');
  });

  it('rejects an outcome before the start', async () => {
    const interview = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(55) });
    const tooSoon = onlyError(await graph.query(update, { id: interview.id, input: { status: 'COMPLETED' } }, { token: cast.employer.token }));
    expect(tooSoon.code).toBe('BAD_USER_INPUT');
    expect(tooSoon.message).toMatch(new RegExp(`^Interview "${interview.id}" starts at .+, so it cannot be COMPLETED yet; set the status once it has started\\.$`));
  });

  it('rejects a CANDIDATE as interviewer', async () => {
    const applicationId = await insertApplication('INTERVIEWING');
    const error = onlyError(
      await graph.query(schedule, { input: { applicationId, scheduledAt: inDays(60), durationMinutes: 30, type: 'PHONE', interviewerId: cast.candidate.id } }, { token: cast.employer.token }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`interviewerId "${cast.candidate.id}" is a CANDIDATE; an interviewer must be an EMPLOYER or ADMIN of the tenant.`);
  });

  it('rejects scheduling by another employer', async () => {
    const applicationId = await insertApplication('INTERVIEWING');
    const error = onlyError(await graph.query(schedule, { input: { applicationId, scheduledAt: inDays(70), durationMinutes: 30, type: 'PHONE' } }, { token: cast.otherEmployer.token }));
    expect(error.code).toBe('NOT_FOUND');
    const byCandidate = onlyError(await graph.query(schedule, { input: { applicationId, scheduledAt: inDays(70), durationMinutes: 30, type: 'PHONE' } }, { token: cast.candidate.token }));
    expect(byCandidate.code).toBe('FORBIDDEN');
  });

  it('lists interviews in a window', async () => {
    const first = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(80, 9) });
    const second = await scheduleOk({ applicationId: await insertApplication('INTERVIEWING'), scheduledAt: inDays(80, 11) });
    const document = 'query I($from: DateTime, $to: DateTime, $first: Int, $after: String) { interviews(from: $from, to: $to, first: $first, after: $after) { totalCount edges { node { id feedback } } pageInfo { endCursor hasNextPage } } }';
    const window = { from: inDays(80), to: inDays(81) };
    const page = await graph.query<{ interviews: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(document, { ...window, first: 1 }, { token: cast.employer.token });
    expect(page.data!.interviews.totalCount).toBe(2);
    expect(page.data!.interviews.edges.map((edge) => edge.node.id)).toEqual([first.id]);
    const next = await graph.query<{ interviews: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }>(document, { ...window, first: 1, after: page.data!.interviews.pageInfo.endCursor }, { token: cast.employer.token });
    expect(next.data!.interviews.edges.map((edge) => edge.node.id)).toEqual([second.id]);
    expect(next.data!.interviews.pageInfo.hasNextPage).toBe(false);
    const asCandidate = await graph.query<{ interviews: { totalCount: number } }>(document, window, { token: cast.candidate.token });
    expect(asCandidate.data!.interviews.totalCount).toBe(2);
    const asOther = await graph.query<{ interviews: { totalCount: number } }>(document, window, { token: cast.otherEmployer.token });
    expect(asOther.data!.interviews.totalCount).toBe(0);
  });

  it.each([1e15, -1e20, 1.5, 'soon', null])('rejects a forged cursor with the key %s', async (key) => {
    const after = encodeCursor({ key, id: newId() });
    const document = 'query I($after: String) { interviews(first: 5, after: $after) { totalCount } }';
    const error = onlyError(await graph.query(document, { after }, { token: cast.employer.token }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`Cursor "${quoteValue(after)}" is not a cursor of interviews; pass the endCursor of a previous interviews page unchanged, or omit "after".`);
  });
});
