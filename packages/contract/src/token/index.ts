/** The collab token and the app's service token: claims, sign and verify (servers only). */
export {
  collabClaimsSchema,
  serviceClaimsSchema,
  SERVICE_CLAIM,
  COLLAB_TOKEN_TTL_SECONDS,
  SERVICE_TOKEN_TTL_SECONDS,
  MIN_SECRET_LENGTH,
  type CollabClaims,
  type ServiceClaims,
} from './claims.js';
export {
  secretKey,
  TokenError,
  signCollabToken,
  verifyCollabToken,
  signServiceToken,
  verifyServiceToken,
  type SigningKey,
  type CollabGrant,
  type SignedCollabToken,
  type VerifiedCollabToken,
  type ServiceCaller,
} from './tokens.js';
