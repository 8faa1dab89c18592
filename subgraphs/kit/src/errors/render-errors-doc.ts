import { errorCodes } from './error-codes.ts';

/** Renders docs/errors.md from the error code table, so the page cannot drift from the code. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(errorCodes).map(([code, description]) => `| \`${code}\` | ${description} |`);
  return [
    '# Errors',
    '',
    '<!-- Generated from subgraphs/kit/src/errors/error-codes.ts by `npm run docs:errors`; edit the table there. -->',
    '',
    'Every error a client receives is a GraphQL error whose `extensions.code` is one of the codes below.',
    'Its message names the value at fault in quotes, states the rule, and says what to do.',
    'A mutation that fails writes nothing. No SQL, stack trace or other tenant\'s data reaches a client:',
    'an unexpected failure is logged with its request id and reported as `INTERNAL_SERVER_ERROR`.',
    '',
    'Errors raised before execution (a document that does not parse or validate, variables that do not',
    'coerce) are reported as `BAD_USER_INPUT`, with Apollo\'s original code in `extensions.reason`.',
    '',
    '| Code | Meaning and what to do |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
