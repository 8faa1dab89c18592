import { describe, expect, it } from 'vitest';
import { parseJobInput, type JobInput } from '../src/domain/job-input.ts';
import { expectClientError } from './expect-client-error.ts';

const today = '2026-12-04';
const valid: JobInput = {
  title: 'Backend Engineer',
  description: 'Build and run the services behind our freight platform.',
  employmentType: 'FULL_TIME',
  workplaceType: 'HYBRID',
};
const skillA = '0193b000-0000-7000-8000-00000000a001';
const skillB = '0193b000-0000-7000-8000-00000000a002';

function parse(changes: Partial<JobInput>) {
  return parseJobInput({ ...valid, ...changes } as JobInput, today);
}

describe('parseJobInput', () => {
  it('returns the columns of a valid input, trimmed', () => {
    const parsed = parse({
      title: '  Backend Engineer ',
      salary: { min: 16.6264, max: 20, currency: 'USD', period: 'HOUR' },
      applicationDeadline: today,
      categoryIds: [skillA.toUpperCase(), skillA],
      skills: [{ skillId: skillB, level: 'EXPERT' }],
      requirements: '   ',
    });
    expect(parsed.values).toMatchObject({
      title: 'Backend Engineer',
      salary_min: '16.6264',
      salary_max: '20',
      salary_currency: 'USD',
      salary_period: 'HOUR',
      application_deadline: today,
      requirements: null,
    });
    expect(parsed.categoryIds).toEqual([skillA]);
    expect(parsed.skills).toEqual([{ skill_id: skillB, is_required: true, level: 'EXPERT' }]);
  });

  it('leaves out the fields an update leaves out', () => {
    const parsed = parseJobInput({ location: 'Oslo' }, today);
    expect(parsed.values).toEqual({ location: 'Oslo' });
    expect(parsed.categoryIds).toBeUndefined();
    expect(parsed.skills).toBeUndefined();
  });

  it('clears the salary and the lists when they are null', () => {
    const parsed = parseJobInput({ salary: null, categoryIds: null, skills: null }, today);
    expect(parsed.values).toEqual({ salary_min: null, salary_max: null, salary_currency: null, salary_period: null });
    expect(parsed.categoryIds).toEqual([]);
    expect(parsed.skills).toEqual([]);
  });

  it('rejects a title that is too short', () => {
    expectClientError(() => parse({ title: 'QA' }), 'BAD_USER_INPUT', 'title "QA" is too short; use 3 to 150 characters.');
  });

  it('rejects a blank title', () => {
    expectClientError(() => parse({ title: '   ' }), 'BAD_USER_INPUT', 'title "" is empty; use 3 to 150 characters.');
  });

  it('rejects a title with a right-to-left override', () => {
    expectClientError(
      () => parse({ title: 'Nurse \u202Eroivaf' }),
      'BAD_USER_INPUT',
      'title contains U+202E at character 7, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });

  it('rejects a location with a right-to-left override', () => {
    expectClientError(
      () => parse({ location: 'Brooklyn \u202Eyn' }),
      'BAD_USER_INPUT',
      'location contains U+202E at character 10, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });

  it('rejects a title that is too long', () => {
    const title = 'x'.repeat(151);
    expectClientError(() => parse({ title }), 'BAD_USER_INPUT', `title "${'x'.repeat(40)}…" is too long (151 characters); use at most 150.`);
  });

  it('rejects a description that is too short', () => {
    expectClientError(() => parse({ description: 'Short.' }), 'BAD_USER_INPUT', 'description "Short." is too short; use 30 to 20000 characters.');
  });

  it('rejects a description that is too long', () => {
    expectClientError(
      () => parse({ description: 'y'.repeat(20_001) }),
      'BAD_USER_INPUT',
      `description "${'y'.repeat(40)}…" is too long (20001 characters); use at most 20000.`,
    );
  });

  it('rejects a requirements section that is too long', () => {
    expectClientError(
      () => parse({ requirements: 'z'.repeat(10_001) }),
      'BAD_USER_INPUT',
      `requirements "${'z'.repeat(40)}…" is too long (10001 characters); use at most 10000.`,
    );
  });

  it('rejects null for a required field of an update', () => {
    expectClientError(() => parseJobInput({ title: null }, today), 'BAD_USER_INPUT', 'title cannot be null; omit it to keep the current value.');
  });

  it('rejects a salary whose min exceeds its max', () => {
    expectClientError(
      () => parse({ salary: { min: 90_000, max: 80_000, currency: 'EUR', period: 'YEAR' } }),
      'BAD_USER_INPUT',
      'salary.min 90000 is greater than salary.max 80000; make min at most max.',
    );
  });

  it('accepts a salary whose min equals its max', () => {
    expect(parse({ salary: { min: 50, max: 50, currency: 'EUR', period: 'DAY' } }).values.salary_max).toBe('50');
  });

  it('rejects a salary with neither min nor max', () => {
    expectClientError(
      () => parse({ salary: { min: null, max: null, currency: 'EUR', period: 'YEAR' } }),
      'BAD_USER_INPUT',
      'salary has neither min nor max; give at least one of them, or set salary to null.',
    );
  });

  it('rejects a negative salary amount', () => {
    expectClientError(
      () => parse({ salary: { min: -1, currency: 'EUR', period: 'YEAR' } }),
      'BAD_USER_INPUT',
      'salary.min -1 is out of range; use an amount from 0 to 1000000000000 in units of the currency.',
    );
  });

  it('rejects a salary amount with more than 4 decimal places', () => {
    expectClientError(
      () => parse({ salary: { max: 16.62645, currency: 'EUR', period: 'HOUR' } }),
      'BAD_USER_INPUT',
      'salary.max 16.62645 has more than 4 decimal places; round it to at most 4.',
    );
  });

  for (const currency of ['EURO', 'eur', 'XYZ', '']) {
    it(`rejects the currency ${JSON.stringify(currency)}`, () => {
      expectClientError(
        () => parse({ salary: { min: 1, currency, period: 'YEAR' } }),
        'BAD_USER_INPUT',
        `salary.currency "${currency}" is not an ISO 4217 currency code; use an upper-case three-letter code such as "EUR" or "USD".`,
      );
    });
  }

  it('accepts ISO 4217 currencies beyond the common ones', () => {
    expect(parse({ salary: { min: 1, currency: 'IDR', period: 'MONTH' } }).values.salary_currency).toBe('IDR');
    expect(parse({ salary: { min: 1, currency: 'CHF', period: 'MONTH' } }).values.salary_currency).toBe('CHF');
  });

  it('rejects a deadline in the past', () => {
    expectClientError(
      () => parse({ applicationDeadline: '2026-12-03' }),
      'BAD_USER_INPUT',
      'applicationDeadline "2026-12-03" is in the past; use today (2026-12-04, UTC) or a later date, or null for no deadline.',
    );
  });

  it('accepts a deadline of today and clears one set to null', () => {
    expect(parse({ applicationDeadline: today }).values.application_deadline).toBe(today);
    expect(parse({ applicationDeadline: null }).values.application_deadline).toBeNull();
  });

  it('rejects a category id that is not a UUID', () => {
    expectClientError(
      () => parse({ categoryIds: ['engineering'] }),
      'BAD_USER_INPUT',
      'categoryIds "engineering" is not a valid id; ids are UUIDs such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".',
    );
  });

  it('rejects more than 10 categories', () => {
    const ids = Array.from({ length: 11 }, (_, index) => `0193b000-0000-7000-8000-0000000001${String(index).padStart(2, '0')}`);
    expectClientError(() => parse({ categoryIds: ids }), 'BAD_USER_INPUT', 'categoryIds names 11 categories; a job takes at most 10.');
  });

  it('rejects a skill listed twice', () => {
    expectClientError(
      () => parse({ skills: [{ skillId: skillA }, { skillId: skillA, isRequired: false }] }),
      'BAD_USER_INPUT',
      `skills lists skill "${skillA}" twice; list each skill once.`,
    );
  });

  it('rejects more than 30 skills', () => {
    const skills = Array.from({ length: 31 }, (_, index) => ({ skillId: `0193b000-0000-7000-8000-0000000002${String(index).padStart(2, '0')}` }));
    expectClientError(() => parse({ skills }), 'BAD_USER_INPUT', 'skills lists 31 skills; a job takes at most 30.');
  });

  it('rejects an externalId that is too long', () => {
    expectClientError(
      () => parse({ externalId: 'e'.repeat(201) }),
      'BAD_USER_INPUT',
      `externalId "${'e'.repeat(40)}…" is too long (201 characters); use at most 200.`,
    );
  });
});
