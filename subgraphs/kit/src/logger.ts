import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Creates the root logger of a service: one JSON object per line, or
 * human-readable lines when stdout is a terminal. `LOG_LEVEL` sets the level
 * and `LOG_FORMAT=json` keeps JSON on a terminal too.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const pretty = env.LOG_FORMAT !== 'json' && process.stdout.isTTY === true;
  return pino({
    level: env.LOG_LEVEL ?? 'info',
    base: { service },
    redact: { paths: ['*.authorization', '*.password', '*.token', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  });
}
