import { spawn } from 'node:child_process';
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

  it('stops npm start with one line naming a malformed port', async () => {
    const { code, lines } = await run(['tools/src/start.ts'], { JOBS_PORT: 'abc' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe('JOBS_PORT="abc" is not a valid port; set it to an integer from 0 to 65535.');
  });
});
