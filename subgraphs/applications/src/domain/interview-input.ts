import { badUserInput, conflict, parseId } from '@jobgraph/kit';
import type { InterviewRow, InterviewStatus, InterviewType } from '../db/database.ts';
import { optionalText, optionalWebAddress } from './field-checks.ts';

export const minInterviewMinutes = 15;
export const maxInterviewMinutes = 480;
const meetingUrlExample = 'https://meet.example.com/interview-42';

export interface ScheduleInterviewInput {
  readonly applicationId: string;
  readonly scheduledAt: Date;
  readonly durationMinutes: number;
  readonly type: InterviewType;
  readonly location?: string | null;
  readonly meetingUrl?: string | null;
  readonly interviewerId?: string | null;
}

export interface UpdateInterviewInput {
  readonly scheduledAt?: Date | null;
  readonly durationMinutes?: number | null;
  readonly type?: InterviewType | null;
  readonly location?: string | null;
  readonly meetingUrl?: string | null;
  readonly interviewerId?: string | null;
  readonly status?: InterviewStatus | null;
  readonly feedback?: string | null;
  readonly rating?: number | null;
}

/** The interview states and the states each may move to: SCHEDULED ends as COMPLETED, CANCELLED or NO_SHOW. */
export const interviewTransitions: Readonly<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  SCHEDULED: ['COMPLETED', 'CANCELLED', 'NO_SHOW'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** The columns of a new interview, validated, apart from its ids and status. */
export interface ParsedSchedule {
  readonly scheduled_at: Date;
  readonly ends_at: Date;
  readonly duration_minutes: number;
  readonly type: InterviewType;
  readonly location: string | null;
  readonly meeting_url: string | null;
}

/** Validates `scheduleInterview`'s input at `now`; raises BAD_USER_INPUT naming the field. */
export function parseScheduleInput(input: ScheduleInterviewInput, now: Date): ParsedSchedule {
  const scheduledAt = checkFuture(input.scheduledAt, now);
  const durationMinutes = checkDuration(input.durationMinutes);
  return {
    scheduled_at: scheduledAt,
    ends_at: endOf(scheduledAt, durationMinutes),
    duration_minutes: durationMinutes,
    type: input.type,
    location: optionalText(input.location, 'location', 500),
    meeting_url: optionalWebAddress(input.meetingUrl, 'meetingUrl', meetingUrlExample),
  };
}

/** An interview row after an update, with the names of the fields the update set. */
export interface PlannedUpdate {
  readonly next: InterviewRow;
  readonly changedFields: string[];
  /** True when the time, duration or interviewer changed, so that the overlap check must run again. */
  readonly rescheduled: boolean;
}

/**
 * Applies `input` to `interview` at `now` and validates the result: only a
 * SCHEDULED interview is rescheduled, the status follows `interviewTransitions`,
 * and feedback and rating need a COMPLETED interview.
 */
export function planInterviewUpdate(interview: InterviewRow, input: UpdateInterviewInput, now: Date): PlannedUpdate {
  const changedFields = Object.keys(input).filter((field) => input[field as keyof UpdateInterviewInput] !== undefined);
  const scheduleFields = ['scheduledAt', 'durationMinutes', 'type', 'location', 'meetingUrl', 'interviewerId'];
  const changesSchedule = changedFields.some((field) => scheduleFields.includes(field));
  if (changesSchedule && interview.status !== 'SCHEDULED') {
    throw conflict(`Interview "${interview.id}" is ${interview.status}; only a SCHEDULED interview can be rescheduled or moved.`, {
      status: interview.status,
    });
  }

  const status = input.status ?? interview.status;
  if (status !== interview.status && !interviewTransitions[interview.status].includes(status)) {
    const allowed = interviewTransitions[interview.status];
    const rule = allowed.length === 0 ? `${interview.status} is final` : `a ${interview.status} interview can become ${allowed.join(', ')}`;
    throw conflict(`Interview "${interview.id}" is ${interview.status}, so it cannot become ${status}; ${rule}.`, { status: interview.status });
  }
  if (status === 'CANCELLED') {
    throw badUserInput(`Cancel interview "${interview.id}" with cancelInterview, not updateInterview.`, { field: 'status' });
  }
  if (status !== interview.status && interview.scheduled_at.getTime() > now.getTime()) {
    throw badUserInput(
      `Interview "${interview.id}" starts at ${interview.scheduled_at.toISOString()}, so it cannot be ${status} yet; set the status once it has started.`,
      { field: 'status' },
    );
  }

  const scheduledAt = input.scheduledAt ? checkFuture(input.scheduledAt, now) : interview.scheduled_at;
  const durationMinutes = input.durationMinutes != null ? checkDuration(input.durationMinutes) : interview.duration_minutes;
  const feedback = input.feedback !== undefined ? optionalText(input.feedback, 'feedback', 10_000) : interview.feedback;
  const rating = input.rating !== undefined ? checkRating(input.rating) : interview.rating;
  if ((input.feedback != null || input.rating != null) && status !== 'COMPLETED') {
    throw badUserInput(`Interview "${interview.id}" is ${status}; give feedback and a rating once it is COMPLETED (set status: COMPLETED with them).`, {
      field: input.rating != null ? 'rating' : 'feedback',
    });
  }

  const next: InterviewRow = {
    ...interview,
    scheduled_at: scheduledAt,
    duration_minutes: durationMinutes,
    ends_at: endOf(scheduledAt, durationMinutes),
    type: input.type ?? interview.type,
    location: input.location !== undefined ? optionalText(input.location, 'location', 500) : interview.location,
    meeting_url: input.meetingUrl !== undefined ? optionalWebAddress(input.meetingUrl, 'meetingUrl', meetingUrlExample) : interview.meeting_url,
    interviewer_id: input.interviewerId ? parseId(input.interviewerId, 'interviewerId') : interview.interviewer_id,
    status,
    feedback,
    rating,
  };
  const rescheduled =
    next.scheduled_at.getTime() !== interview.scheduled_at.getTime() ||
    next.duration_minutes !== interview.duration_minutes ||
    next.interviewer_id !== interview.interviewer_id;
  return { next, changedFields, rescheduled };
}

function checkFuture(scheduledAt: Date, now: Date): Date {
  if (scheduledAt.getTime() <= now.getTime()) {
    throw badUserInput(`scheduledAt "${scheduledAt.toISOString()}" is in the past; schedule the interview after ${now.toISOString()}.`, {
      field: 'scheduledAt',
    });
  }
  return scheduledAt;
}

function checkDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < minInterviewMinutes || minutes > maxInterviewMinutes) {
    throw badUserInput(`durationMinutes ${minutes} is out of range; an interview lasts ${minInterviewMinutes} to ${maxInterviewMinutes} minutes.`, {
      field: 'durationMinutes',
    });
  }
  return minutes;
}

function checkRating(rating: number | null): number | null {
  if (rating === null) return null;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw badUserInput(`rating ${rating} is out of range; rate an interview from 1 to 5.`, { field: 'rating' });
  }
  return rating;
}

function endOf(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}
