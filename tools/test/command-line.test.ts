import { describe, expect, it } from 'vitest';
import { readCommandLine, readIntegerOption } from '../src/command-line.ts';
import { runScript, type ScriptRun } from './run-script.ts';

describe('readCommandLine', () => {
  const config = { allowPositionals: false, options: { tenant: { type: 'string' }, offline: { type: 'boolean' } } } as const;

  it('returns the values of known options', () => {
    const result = readCommandLine(config, ['--tenant', 'acme', '--offline']);
    expect(result.kind).toBe('parsed');
    if (result.kind !== 'parsed') return;
    expect(result.parsed.values).toEqual({ tenant: 'acme', offline: true });
  });

  it.each([['--help'], ['-h'], ['--bogus', '--help'], ['--tenant=acme', '-h']])('asks for help on %j', (...args) => {
    expect(readCommandLine(config, args)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bogus'], 'Unknown option "--bogus".'],
    [['-x'], 'Unknown option "-x".'],
    [['--bogus=1'], 'Unknown option "--bogus".'],
    [['--tenant'], 'Option --tenant needs a value.'],
    [['--tenant', '--offline'], 'Option --tenant needs a value, but is followed by "--offline"; write --tenant=<value> for a value that starts with a dash.'],
    [['--offline=yes'], 'Option --offline takes no value, but got "yes".'],
    [['extra'], 'Unexpected argument "extra"; this command takes options only.'],
    [['--', '--help'], 'Unexpected argument "--help"; this command takes options only.'],
  ])('rejects %j', (args, message) => {
    expect(readCommandLine(config, args)).toEqual({ kind: 'usage-error', message });
  });

  it('accepts a value that starts with a dash when written inline', () => {
    const result = readCommandLine(config, ['--tenant=-odd']);
    expect(result.kind).toBe('parsed');
    if (result.kind !== 'parsed') return;
    expect(result.parsed.values.tenant).toBe('-odd');
  });
});

describe('readIntegerOption', () => {
  const range = { min: 1, max: 500 };

  it.each([
    ['1', 1],
    ['500', 500],
    ['007', 7],
  ])('reads %j', (text, value) => {
    expect(readIntegerOption('--batch-size', text, range)).toEqual({ kind: 'parsed', value });
  });

  it('reads a large integer without a maximum', () => {
    expect(readIntegerOption('--limit', '123456789012', { min: 1 })).toEqual({ kind: 'parsed', value: 123456789012 });
  });

  it.each(['1e2', '0x10', ' 7', '7 ', '2.5', '100abc', '+5', '', '1_000', 'Infinity'])('rejects %j as not an integer', (text) => {
    expect(readIntegerOption('--batch-size', text, range)).toEqual({
      kind: 'usage-error',
      message: `--batch-size "${text}" is not an integer; use 1 to 500.`,
    });
  });

  it.each(['0', '-3', '501', '99999999999999999999'])('rejects %j as out of range', (text) => {
    expect(readIntegerOption('--batch-size', text, range)).toEqual({
      kind: 'usage-error',
      message: `--batch-size "${text}" is out of range; use 1 to 500.`,
    });
  });

  it('names only the minimum when there is no maximum', () => {
    expect(readIntegerOption('--limit', '0', { min: 1 })).toEqual({ kind: 'usage-error', message: '--limit "0" is out of range; use 1 or more.' });
    expect(readIntegerOption('--limit', '1e1', { min: 1 })).toEqual({ kind: 'usage-error', message: '--limit "1e1" is not an integer; use 1 or more.' });
  });
});

/** Runs a command of the repository as npm would, and returns its exit code and output. */
function runCommand(script: string, args: string[]): Promise<ScriptRun> {
  return runScript(script, args, { LOG_FORMAT: 'json', DATA_DIR: '/nonexistent-on-purpose' });
}

const commands = [
  ['start.ts', 'npm start'],
  ['import-jobs.ts', 'npm run import'],
  ['events.ts', 'npm run events'],
  ['bench.ts', 'npm run bench'],
  ['schema-check.ts', 'npm run schema:check'],
  ['migrate.ts', 'npm run migrate'],
  ['compose.ts', 'npm run compose'],
  ['errors-doc.ts', 'npm run docs:errors'],
];

describe.each(commands)('%s', (script, invocation) => {
  it('prints its usage on --help', async () => {
    const { code, stdout, stderr } = await runCommand(script, ['--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.startsWith(`Usage: ${invocation}`)).toBe(true);
    expect(stdout).toContain('-h, --help');
  });

  it('rejects an unknown option with its usage', async () => {
    const { code, stdout, stderr } = await runCommand(script, ['--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usage] = stderr.split('\n');
    expect(first).toBe('Unknown option "--bogus".');
    expect(blank).toBe('');
    expect(usage!.startsWith(`Usage: ${invocation}`)).toBe(true);
    expect(stderr).not.toContain('ERR_PARSE_ARGS');
  });
});

describe('npm run events', () => {
  it('rejects a missing command', async () => {
    const { code, stderr } = await runCommand('events.ts', []);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Missing the command; use list, replay or retry.');
  });

  it('rejects a replay without a consumer', async () => {
    const { code, stderr } = await runCommand('events.ts', ['replay']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Missing the consumer to replay; npm run events -- list prints them.');
  });
});

describe('npm run migrate', () => {
  it('rejects an unknown subgraph', async () => {
    const { code, stderr } = await runCommand('migrate.ts', ['nosuch']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Unknown subgraph "nosuch"; name one of users, jobs, applications, analytics.');
  });
});

describe('npm run import', () => {
  it('rejects a missing tenant', async () => {
    const { code, stderr } = await runCommand('import-jobs.ts', ['jobs.csv']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Missing --tenant; name the tenant to import into.');
  });

  it.each([
    [['--limit', '1e1'], '--limit "1e1" is not an integer; use 1 or more.'],
    [['--limit=-5'], '--limit "-5" is out of range; use 1 or more.'],
    [['--batch-size', '0x10'], '--batch-size "0x10" is not an integer; use 1 to 500.'],
    [['--batch-size', ' 7'], '--batch-size " 7" is not an integer; use 1 to 500.'],
    [['--batch-size', '2.5'], '--batch-size "2.5" is not an integer; use 1 to 500.'],
    [['--batch-size', '100abc'], '--batch-size "100abc" is not an integer; use 1 to 500.'],
    [['--batch-size', '501'], '--batch-size "501" is out of range; use 1 to 500.'],
  ])('rejects %j', async (options, message) => {
    const { code, stderr } = await runCommand('import-jobs.ts', ['--tenant', 'acme', ...options, 'jobs.csv']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
  });

  it('rejects a tenant that is not a slug', async () => {
    const { code, stderr } = await runCommand('import-jobs.ts', ['--tenant', 'Acme Corp', 'jobs.csv']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--tenant "Acme Corp" is not a tenant slug; slugs are lower-case letters, digits and dashes, such as "demo".');
  });
});

describe('npm run bench', () => {
  it('reads the file that --file names', async () => {
    const { code, stderr } = await runCommand('bench.ts', ['--file', '/nonexistent/jobs.csv']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('The benchmark imports /nonexistent/jobs.csv, which does not exist; check the path.');
  });
});
