import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors/client-error.ts';
import { readAccessTokenClaims, type AccessTokenClaims } from './access-token-claims.ts';
import { accessTokenAlgorithm, accessTokenType, type AccessTokenSettings } from './access-token-settings.ts';

/** Checks access tokens and returns their claims. */
export interface AccessTokenVerifier {
  /** Returns the claims of `token`, or raises UNAUTHENTICATED with a message that names what is wrong with it. */
  verify(token: string): Promise<AccessTokenClaims>;
}

export interface AccessTokenVerifierOptions {
  /** Finds the public key for a token's `kid`, such as a remote key set from `createRemoteKeySet`. */
  readonly keys: JWTVerifyGetKey;
  readonly settings: AccessTokenSettings;
  /** The clock the checks of `exp` and `iat` use; tests freeze it. */
  readonly now?: () => Date;
}

/**
 * Creates a verifier that accepts only EdDSA tokens of type `at+jwt` signed
 * by one of `keys`, with the configured `iss` and `aud`, with `exp`, `iat`,
 * `sub` and `jti` present, and no older than `maxAgeSeconds`.
 *
 * @example
 * const verifier = createAccessTokenVerifier({ keys: createRemoteKeySet(usersUrl), settings: readAccessTokenSettings(process.env) });
 * const claims = await verifier.verify(token); // { userId, tenantId, role, tokenId, expiresAt }
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const { keys, settings } = options;
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          algorithms: [accessTokenAlgorithm],
          typ: accessTokenType,
          issuer: settings.issuer,
          audience: settings.audience,
          requiredClaims: ['exp', 'iat', 'sub', 'jti'],
          clockTolerance: settings.clockToleranceSeconds,
          maxTokenAge: settings.maxAgeSeconds,
          ...(options.now ? { currentDate: options.now() } : {}),
        });
        return readAccessTokenClaims(payload);
      } catch (error) {
        throw describeRejection(error);
      }
    },
  };
}

/** Converts a jose error into the UNAUTHENTICATED error for the client. Failures of the key set itself pass unchanged. */
function describeRejection(error: unknown): unknown {
  const logInAgain = 'Log in again to get a valid token.';
  if (error instanceof errors.JWTExpired) {
    return unauthenticated('The access token has expired. Get a new one with the refreshToken mutation, or log in again.', { reason: 'TOKEN_EXPIRED' });
  }
  // jose (6.x) reports a missing or wrong `typ` as a failed claim check, but `typ` is a parameter of the protected header.
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'typ') {
    return unauthenticated(`The access token's "typ" header parameter is missing or not "${accessTokenType}", the only type accepted. ${logInAgain}`, {
      reason: 'INVALID_TOKEN',
      headerParameter: 'typ',
    });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const problem = error.reason === 'missing' ? `has no "${error.claim}" claim` : `has an unexpected "${error.claim}" claim`;
    return unauthenticated(`The access token ${problem}. ${logInAgain}`, { reason: 'INVALID_TOKEN', claim: error.claim });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated(`The access token is not signed with ${accessTokenAlgorithm}, the only algorithm accepted. ${logInAgain}`, { reason: 'INVALID_TOKEN' });
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthenticated(`The access token is not signed by a key of this service. ${logInAgain}`, { reason: 'INVALID_TOKEN' });
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported || error instanceof errors.JWKSMultipleMatchingKeys) {
    return unauthenticated(`The access token is malformed. ${logInAgain}`, { reason: 'INVALID_TOKEN' });
  }
  return error;
}
