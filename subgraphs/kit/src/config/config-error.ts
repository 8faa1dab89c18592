/**
 * A configuration value that is missing or malformed. Start-up prints its
 * message as one line and exits, so the message names the variable, the
 * value it got and the form it expects.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}
