import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { accessTokenAlgorithm, ConfigError, type Env, type Logger } from '@jobgraph/kit';
import { calculateJwkThumbprint, createLocalJWKSet, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';

/** A key that signs access tokens, with its public half as a JWK. */
export interface SigningKey {
  /** The RFC 7638 thumbprint of the public key, sent as `kid`. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: JWK;
}

/** The keys of the users subgraph: the current one signs; the previous one still verifies until its tokens expire. */
export interface SigningKeys {
  readonly current: SigningKey;
  readonly previous: SigningKey | null;
  /** The public keys as served at `/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet;
  /** The public keys as a key source for the verifier, so the users subgraph checks tokens without asking itself over HTTP. */
  readonly verificationKeys: JWTVerifyGetKey;
}

/** The file the embedded default keeps its keys in, both as PKCS #8 PEM. */
interface KeyFile {
  readonly current: string;
  readonly previous: string | null;
}

/**
 * Loads the signing keys. `USERS_SIGNING_KEY` (an Ed25519 private key in
 * PKCS #8 PEM) wins, with `USERS_PREVIOUS_SIGNING_KEY` for the key it
 * replaced. Without it, an embedded database gets a key file beside its data
 * folder, created on first start. With neither, a key is generated for this
 * process alone, so tokens do not outlive a restart.
 */
export async function loadSigningKeys(setup: { readonly env: Env; readonly dataDir: string | undefined; readonly logger: Logger }): Promise<SigningKeys> {
  const { env, dataDir, logger } = setup;
  if (env.USERS_SIGNING_KEY) {
    const current = await describeKey(readPemVariable(env, 'USERS_SIGNING_KEY'), 'USERS_SIGNING_KEY');
    const previous = env.USERS_PREVIOUS_SIGNING_KEY ? await describeKey(readPemVariable(env, 'USERS_PREVIOUS_SIGNING_KEY'), 'USERS_PREVIOUS_SIGNING_KEY') : null;
    return buildSigningKeys(current, previous);
  }
  if (dataDir) {
    const file = keyFilePath(dataDir);
    const keys = await readOrCreateKeyFile(file, logger);
    const current = await describeKey(createPrivateKey(keys.current), file);
    const previous = keys.previous ? await describeKey(createPrivateKey(keys.previous), file) : null;
    return buildSigningKeys(current, previous);
  }
  logger.info('USERS_SIGNING_KEY is not set and the database has no data folder, so access tokens are signed with a key made for this process only.');
  return buildSigningKeys(await describeKey(generateKeyPairSync('ed25519').privateKey, 'USERS_SIGNING_KEY'), null);
}

/** Returns where the key file of an embedded database in `dataDir` lives: beside the folder, never inside the database's own files. */
export function keyFilePath(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}-signing-keys.json`);
}

/**
 * Replaces the key file's current key with a new one and keeps the old one
 * as the previous key, so tokens it signed stay valid until they expire.
 * The users subgraph reads the file at start, so a restart applies it.
 */
export async function rotateKeyFile(dataDir: string): Promise<void> {
  const file = keyFilePath(dataDir);
  const keys = JSON.parse(await readFile(file, 'utf8')) as KeyFile;
  await writeKeyFile(file, { current: newPrivateKeyPem(), previous: keys.current });
}

function buildSigningKeys(current: SigningKey, previous: SigningKey | null): SigningKeys {
  const jwks = { keys: [current, ...(previous ? [previous] : [])].map((key) => key.publicJwk) };
  return { current, previous, jwks, verificationKeys: createLocalJWKSet(jwks) };
}

/** Derives the `kid` and public JWK of `privateKey`; `source` names where the key came from, for the error. */
async function describeKey(privateKey: KeyObject, source: string): Promise<SigningKey> {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(source, `The signing key of ${source} is a ${privateKey.asymmetricKeyType ?? 'symmetric'} key; access tokens need an Ed25519 key (openssl genpkey -algorithm ed25519).`);
  }
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty, crv, x });
  return { kid, privateKey, publicJwk: { kty, crv, x, kid, alg: accessTokenAlgorithm, use: 'sig' } };
}

function readPemVariable(env: Env, name: string): KeyObject {
  // Environment files often carry a PEM on one line with literal "\n" sequences.
  const pem = (env[name] ?? '').replace(/\\n/g, '\n');
  try {
    return createPrivateKey(pem);
  } catch {
    throw new ConfigError(name, `${name} is not a private key in PEM form; set it to the output of "openssl genpkey -algorithm ed25519".`);
  }
}

async function readOrCreateKeyFile(file: string, logger: Logger): Promise<KeyFile> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = { current: newPrivateKeyPem(), previous: null };
  await writeKeyFile(file, keys);
  logger.info({ file }, 'created the signing key of the embedded database');
  return keys;
}

async function writeKeyFile(file: string, keys: KeyFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(keys, null, 2), { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
