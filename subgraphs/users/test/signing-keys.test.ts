import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAccessTokenVerifier, createLogger, readAccessTokenSettings } from '@jobgraph/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../src/auth/access-tokens.ts';
import { keyFilePath, loadSigningKeys, rotateKeyFile } from '../src/auth/signing-keys.ts';

const logger = createLogger('test', { LOG_LEVEL: 'silent' });
const settings = readAccessTokenSettings({});
const user = { id: '0193a000-0000-7000-8000-000000000104', tenantId: '0193a000-0000-7000-8000-000000000001', role: 'CANDIDATE' as const };
let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jobgraph-keys-'));
  dataDir = path.join(root, 'users');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSigningKeys', () => {
  it('creates the key file once and reuses it', async () => {
    const first = await loadSigningKeys({ env: {}, dataDir, logger });
    const second = await loadSigningKeys({ env: {}, dataDir, logger });

    expect(second.current.kid).toBe(first.current.kid);
    expect(keyFilePath(dataDir)).toBe(path.join(root, 'users-signing-keys.json'));
    expect((await stat(keyFilePath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('serves the current and the previous key after a rotation', async () => {
    const before = await loadSigningKeys({ env: {}, dataDir, logger });
    const oldToken = await issueAccessToken({ key: before.current, settings, lifetimeSeconds: 900 }, user);

    await rotateKeyFile(dataDir);
    const after = await loadSigningKeys({ env: {}, dataDir, logger });
    const verifier = createAccessTokenVerifier({ keys: after.verificationKeys, settings });

    expect(after.current.kid).not.toBe(before.current.kid);
    expect(after.previous?.kid).toBe(before.current.kid);
    expect(after.jwks.keys.map((key) => key.kid)).toEqual([after.current.kid, before.current.kid]);
    await expect(verifier.verify(oldToken.token)).resolves.toMatchObject({ userId: user.id });
  });

  it('publishes no private key material', async () => {
    const keys = await loadSigningKeys({ env: {}, dataDir, logger });

    expect(keys.jwks.keys.every((key) => key.d === undefined)).toBe(true);
    expect(await readFile(keyFilePath(dataDir), 'utf8')).toContain('PRIVATE KEY');
  });

  it('reads the key from USERS_SIGNING_KEY before any file', async () => {
    const fromFile = await loadSigningKeys({ env: {}, dataDir, logger });
    const pem = (await import('node:crypto')).generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

    const fromEnv = await loadSigningKeys({ env: { USERS_SIGNING_KEY: pem.replace(/\n/g, '\\n') }, dataDir, logger });

    expect(fromEnv.current.kid).not.toBe(fromFile.current.kid);
    expect(fromEnv.previous).toBeNull();
  });

  it('rejects a key that is not Ed25519', async () => {
    const pem = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

    await expect(loadSigningKeys({ env: { USERS_SIGNING_KEY: pem }, dataDir, logger })).rejects.toThrow(
      'The signing key of USERS_SIGNING_KEY is a ec key; access tokens need an Ed25519 key (openssl genpkey -algorithm ed25519).',
    );
  });
});
