import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invariant } from '@jobgraph/kit';

/**
 * scrypt parameters for new hashes: N = 2^15, r = 8, p = 1 needs 32 MiB of
 * memory per hash. Every hash stores its parameters, so raising them later
 * leaves existing passwords valid.
 */
const defaultParameters = { log2Cost: 15, blockSize: 8, parallelization: 1 } as const;
const keyLength = 32;
const saltLength = 16;

/** Hashes `password` with scrypt and a random salt, as `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const { log2Cost, blockSize, parallelization } = defaultParameters;
  const salt = randomBytes(saltLength);
  const hash = await deriveKey(password, salt, log2Cost, blockSize, parallelization);
  return ['scrypt', log2Cost, blockSize, parallelization, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Tells whether `password` matches `stored`, a hash from `hashPassword`, comparing in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2Cost, blockSize, parallelization, salt, hash] = stored.split('$');
  invariant(scheme === 'scrypt' && salt && hash, 'A stored password hash is not in the scrypt$N$r$p$salt$hash form.');
  const expected = Buffer.from(hash, 'base64url');
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), Number(log2Cost), Number(blockSize), Number(parallelization), expected.length);
  return timingSafeEqual(actual, expected);
}

let unmatchable: Promise<string> | undefined;

/**
 * Returns a hash of a password nobody has. Login checks it when no account
 * matches, so that an unknown login takes as long as a wrong password.
 */
export function unmatchableHash(): Promise<string> {
  unmatchable ??= hashPassword(randomBytes(32).toString('base64url'));
  return unmatchable;
}

function deriveKey(password: string, salt: Buffer, log2Cost: number, blockSize: number, parallelization: number, length = keyLength): Promise<Buffer> {
  const cost = 2 ** log2Cost;
  // scrypt needs 128 * N * r bytes; Node rejects anything above maxmem, which defaults to 32 MiB.
  const options: ScryptOptions = { N: cost, r: blockSize, p: parallelization, maxmem: 256 * cost * blockSize };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
