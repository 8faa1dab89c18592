import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../src/command-line.ts';
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
});

describe('npm run bench', () => {
  it('reads the file that --file names', async () => {
    const { code, stderr } = await runCommand('bench.ts', ['--file', '/nonexistent/jobs.csv']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('The benchmark imports /nonexistent/jobs.csv, which does not exist; check the path.');
  });
});
