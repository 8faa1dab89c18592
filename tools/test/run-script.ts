import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, where commands run. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a command printed and how it ended. */
export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tools/src/<script>` as `npm run` does, with `env` added to this process's environment. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `tools/src/${script}`, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
