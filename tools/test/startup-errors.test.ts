import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a command of the repository and returns its exit code and its output lines. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, LOG_FORMAT: 'json', DATA_DIR: '/nonexistent-on-purpose', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, lines: output.split('\n').filter((line) => line.trim() !== '') }));
  });
}

describe('start-up with bad configuration', () => {
  it('stops a subgraph with one line naming a malformed port', async () => {
    const { code, lines } = await run(['subgraphs/jobs/src/index.ts'], { JOBS_PORT: 'abc' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe(
      'jobs subgraph cannot start: JOBS_PORT="abc" is not a valid port; set it to an integer from 0 to 65535.',
    );
  });

  it('stops a subgraph with one line naming an unreachable database URL', async () => {
    const { code, lines } = await run(['subgraphs/jobs/src/index.ts'], { JOBS_DATABASE_URL: 'postgres://jobgraph:secret@127.0.0.1:1/jobs' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    const message = JSON.parse(lines[0]!).msg as string;
    expect(message).toContain('Cannot connect to the PostgreSQL server of JOBS_DATABASE_URL (postgres://jobgraph:***@127.0.0.1:1/jobs)');
    expect(message).not.toContain('secret');
  });

  it('stops a subgraph with one line naming an unknown log level', async () => {
    const { code, lines } = await run(['subgraphs/jobs/src/index.ts'], { LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(lines).toEqual(['jobs cannot start: LOG_LEVEL="loud" is not one of fatal, error, warn, info, debug, trace, silent; set it to one of them or unset it.']);
  });

  it('stops a subgraph with one line naming a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, lines } = await run(['subgraphs/jobs/src/index.ts'], { JOBS_PORT: String(port), DATA_DIR: `${tmpdir()}/jobgraph-port-${port}` });
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!).msg).toBe(`jobs subgraph cannot start: Port ${port} is already in use; stop what listens there or set JOBS_PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });

  it('stops npm start with one line naming a malformed port', async () => {
    const { code, lines } = await run(['tools/src/start.ts'], { JOBS_PORT: 'abc' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe('JOBS_PORT="abc" is not a valid port; set it to an integer from 0 to 65535.');
  });

  // Ports and a data folder away from the defaults, so that a check that fails to stop start-up starts no service on a default port or in .data.
  const subgraphEnv = { HOST: '127.0.0.1', USERS_PORT: '5101', JOBS_PORT: '5102', APPLICATIONS_PORT: '5103', ANALYTICS_PORT: '5106', DATA_DIR: `${tmpdir()}/jobgraph-start-checks` };

  it.each([
    [{ GATEWAY_PORT: 'abc' }, 'GATEWAY_PORT="abc" is not a valid port; set it to an integer from 0 to 65535.'],
    [{ GATEWAY_PORT: '70000' }, 'GATEWAY_PORT="70000" is not a valid port; set it to an integer from 0 to 65535.'],
    [{ JOBS_URL: 'ftp://jobs' }, 'JOBS_URL="ftp://jobs" uses "ftp:"; set it to an http:// or https:// URL.'],
  ])('stops npm start before any service with %j', async (env, message) => {
    const { code, lines } = await run(['tools/src/start.ts'], { ...subgraphEnv, GATEWAY_PORT: '5100', ...env });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe(message);
  });
});
