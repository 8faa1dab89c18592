import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { ConfigError } from './config/config-error.ts';
import { readChoice } from './config/env.ts';

export type { Logger } from 'pino';

/**
 * Creates the root logger of a service: one JSON object per line, or
 * human-readable lines when stdout is a terminal. `LOG_LEVEL` sets the level
 * and `LOG_FORMAT=json` keeps JSON on a terminal too. A `LOG_LEVEL` that is
 * not a pino level raises a `ConfigError`. A `destination` receives the JSON
 * lines instead of stdout.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger {
  const level = readChoice(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info');
  const pretty = destination === undefined && env.LOG_FORMAT !== 'json' && process.stdout.isTTY === true;
  const options: LoggerOptions = {
    level,
    base: { service },
    redact: { paths: ['*.authorization', '*.password', '*.token', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Creates the root logger of a process, or, when its configuration is
 * invalid, writes one line naming the variable to stderr and exits with 1.
 */
export function createProcessLogger(service: string): Logger {
  try {
    return createLogger(service);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service} cannot start: ${error.message}\n`);
    process.exit(1);
  }
}
