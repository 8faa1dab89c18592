import { accessTokenAlgorithm, accessTokenType, newId, type AccessTokenSettings, type UserRole } from '@jobgraph/kit';
import { SignJWT } from 'jose';
import type { SigningKey } from './signing-keys.ts';

/** A signed access token and the instant it expires. */
export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface AccessTokenIssuer {
  readonly key: SigningKey;
  readonly settings: AccessTokenSettings;
  /** Lifetime of an access token, in seconds. */
  readonly lifetimeSeconds: number;
}

/** Signs an access token for `user` with the claims `sub`, `tid`, `role`, `iss`, `aud`, `exp`, `iat` and `jti`. */
export async function issueAccessToken(
  issuer: AccessTokenIssuer,
  user: { readonly id: string; readonly tenantId: string; readonly role: UserRole },
  now = new Date(),
): Promise<IssuedAccessToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + issuer.lifetimeSeconds;
  const token = await new SignJWT({ tid: user.tenantId, role: user.role })
    .setProtectedHeader({ alg: accessTokenAlgorithm, typ: accessTokenType, kid: issuer.key.kid })
    .setSubject(user.id)
    .setIssuer(issuer.settings.issuer)
    .setAudience(issuer.settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(newId())
    .sign(issuer.key.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
