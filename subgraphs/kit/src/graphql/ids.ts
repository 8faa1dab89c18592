import { v7 as uuidv7, validate } from 'uuid';
import { badUserInput } from '../errors/client-error.ts';
import { quoteValue } from '../errors/quote-value.ts';

/** Creates a new id: a UUID v7, which sorts by creation time and so keeps B-tree inserts local. */
export function newId(): string {
  return uuidv7();
}

/** Tells whether `value` is a UUID, the form of every id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && validate(value);
}

/** Returns `value` as an id, or raises BAD_USER_INPUT that names the argument. */
export function parseId(value: string, argument: string): string {
  if (!isId(value)) {
    throw badUserInput(`${argument} "${quoteValue(value)}" is not a valid id; ids are UUIDs such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".`, { argument });
  }
  return value.toLowerCase();
}
