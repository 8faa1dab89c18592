import { describe, expect, it } from 'vitest';
import { parseCompanyInput } from '../src/domain/company-input.ts';
import { expectClientError } from './expect-client-error.ts';

const today = new Date('2026-12-04T10:00:00Z');

describe('parseCompanyInput', () => {
  it('returns the columns of a valid input', () => {
    expect(
      parseCompanyInput(
        { name: ' Northwind ', website: 'https://northwind.example', logo: 'http://cdn.example/logo.png', size: 'SMALL', foundedYear: 2026, industry: '' },
        today,
      ),
    ).toEqual({ name: 'Northwind', website: 'https://northwind.example', logo: 'http://cdn.example/logo.png', size: 'SMALL', founded_year: 2026, industry: null });
  });

  it('clears nullable fields set to null and leaves out missing ones', () => {
    expect(parseCompanyInput({ website: null, foundedYear: null }, today)).toEqual({ website: null, founded_year: null });
  });

  it('rejects a name that is too short', () => {
    expectClientError(() => parseCompanyInput({ name: 'X' }, today), 'BAD_USER_INPUT', 'name "X" is too short; use 2 to 200 characters.');
  });

  it('rejects a name with a control character', () => {
    expectClientError(
      () => parseCompanyInput({ name: 'North\u0007wind' }, today),
      'BAD_USER_INPUT',
      'name contains U+0007 at character 6, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });

  it('rejects an industry with a zero-width space', () => {
    expectClientError(
      () => parseCompanyInput({ industry: 'Logis\u200Btics' }, today),
      'BAD_USER_INPUT',
      'industry contains U+200B at character 6, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });

  it('rejects a null name in an update', () => {
    expectClientError(() => parseCompanyInput({ name: null }, today), 'BAD_USER_INPUT', 'name cannot be null; omit it to keep the current value.');
  });

  for (const website of ['ftp://files.example', 'javascript:alert(1)', 'mailto:jobs@example.com']) {
    it(`rejects the website ${website}`, () => {
      expectClientError(
        () => parseCompanyInput({ website }, today),
        'BAD_USER_INPUT',
        `website "${website}" is not an http(s) URL; use an absolute address such as "https://example.com".`,
      );
    });
  }

  it('rejects a logo that is not an http(s) URL', () => {
    expectClientError(
      () => parseCompanyInput({ logo: 'data:image/png;base64,AAAA' }, today),
      'BAD_USER_INPUT',
      'logo "data:image/png;base64,AAAA" is not an http(s) URL; use an absolute address such as "https://example.com".',
    );
  });

  it('rejects a founded year in the future', () => {
    expectClientError(() => parseCompanyInput({ foundedYear: 2027 }, today), 'BAD_USER_INPUT', 'foundedYear 2027 is out of range; use a year from 1000 to 2026.');
  });

  it('rejects a founded year before 1000', () => {
    expectClientError(() => parseCompanyInput({ foundedYear: 999 }, today), 'BAD_USER_INPUT', 'foundedYear 999 is out of range; use a year from 1000 to 2026.');
  });

  it('rejects a description that is too long', () => {
    expectClientError(
      () => parseCompanyInput({ description: 'd'.repeat(5001) }, today),
      'BAD_USER_INPUT',
      `description "${'d'.repeat(40)}…" is too long (5001 characters); use at most 5000.`,
    );
  });
});
