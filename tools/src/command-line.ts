import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The options and positionals a command accepts; `--help` and `-h` are added to every command. */
export type CommandLineConfig = Pick<ParseArgsConfig, 'options' | 'allowPositionals'>;

/** The outcome of reading a command line: its values, a request for help, or a usage error to report. */
export type CommandLineResult<T extends CommandLineConfig> =
  | { readonly kind: 'parsed'; readonly parsed: ReturnType<typeof parseArgs<T>> }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/**
 * Reads `args` against `config` without exiting, so that tests can check
 * it. A `--help` or `-h` before `--` wins over every other argument.
 * Problems become one-line messages that name the argument, in place of
 * the multi-line `TypeError` that `parseArgs` raises.
 */
export function readCommandLine<const T extends CommandLineConfig>(config: T, args: readonly string[]): CommandLineResult<T> {
  const options = { ...config.options, help: { type: 'boolean', short: 'h' } } as const;
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { kind: 'help' };

  for (const token of tokens) {
    const message = describeProblem(token, config);
    if (message) return { kind: 'usage-error', message };
  }

  try {
    return { kind: 'parsed', parsed: parseArgs({ ...config, args }) as ReturnType<typeof parseArgs<T>> };
  } catch (error) {
    // A safety net for cases the checks above miss; parseArgs's own message then names the argument.
    if (!(error instanceof TypeError) || !String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw error;
    return { kind: 'usage-error', message: error.message.split('\n')[0]! };
  }
}

type Token = ReturnType<typeof parseArgs<{ strict: false; tokens: true; allowPositionals: true }>>['tokens'][number];

function describeProblem(token: Token, config: CommandLineConfig): string | undefined {
  if (token.kind === 'positional' && !config.allowPositionals) {
    return `Unexpected argument "${token.value}"; this command takes options only.`;
  }
  if (token.kind !== 'option') return undefined;

  const option = config.options?.[token.name];
  if (!option) return `Unknown option "${token.rawName}".`;
  if (option.type === 'boolean' && token.value !== undefined) return `Option ${token.rawName} takes no value, but got "${token.value}".`;
  if (option.type === 'string' && token.value === undefined) return `Option ${token.rawName} needs a value.`;
  if (option.type === 'string' && !token.inlineValue && token.value!.startsWith('-')) {
    return `Option ${token.rawName} needs a value, but is followed by "${token.value}"; write ${token.rawName}=<value> for a value that starts with a dash.`;
  }
  return undefined;
}

/**
 * Parses the command line of a command. `--help` prints `usage` and exits
 * 0; a usage error prints one line naming the argument, then `usage`, and
 * exits 2.
 */
export function parseCommandLine<const T extends CommandLineConfig>(config: T, usage: string, args: readonly string[] = process.argv.slice(2)) {
  const result = readCommandLine(config, args);
  if (result.kind === 'help') {
    console.log(usage);
    process.exit(0);
  }
  if (result.kind === 'usage-error') exitWithUsageError(result.message, usage);
  return result.parsed;
}

/** Prints `message` and the command's usage to standard error, and exits 2, the usual code for a command-line error. */
export function exitWithUsageError(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/**
 * Reads the value of an integer option such as `--limit`. Only plain
 * decimal digits, with an optional minus sign, count as an integer, so `1e2`,
 * `0x10`, `" 7"` and `2.5` are rejected rather than read as numbers.
 * `max` defaults to no upper bound. A rejection is one line that names the
 * option and the accepted range.
 */
export function readIntegerOption(
  option: string,
  text: string,
  range: { readonly min: number; readonly max?: number },
): { readonly kind: 'parsed'; readonly value: number } | { readonly kind: 'usage-error'; readonly message: string } {
  const accepted = range.max === undefined ? `use ${range.min} or more` : `use ${range.min} to ${range.max}`;
  if (!/^-?\d+$/.test(text)) return { kind: 'usage-error', message: `${option} "${text}" is not an integer; ${accepted}.` };

  const value = Number(text);
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    return { kind: 'usage-error', message: `${option} "${text}" is out of range; ${accepted}.` };
  }
  return { kind: 'parsed', value };
}
