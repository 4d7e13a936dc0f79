import { z } from 'zod';
import { ROLES } from '../roles.js';

/**
 * The claims of a collab token: what the app grants one member for one document and what the
 * collab-server enforces on the connection it opens (collab-server/PROTOCOL.md, "Auth").
 */
export const collabClaimsSchema = z.object({
  /** Account id. */
  sub: z.string(),
  /** Display name for presence; absent or not text in old tokens, then the account id is shown. */
  name: z.string().optional().catch(undefined),
  /** The one document the token opens (`plans/<id>`). */
  doc: z.string(),
  /** The member's role when the token was issued. */
  role: z.enum(ROLES),
  /** Issue time, seconds since the epoch; a token without it counts as issued before any change. */
  iat: z.number().optional().catch(undefined),
  /** Expiry, seconds since the epoch. */
  exp: z.number(),
});

/** Claims of a collab token as verified. */
export type CollabClaims = z.infer<typeof collabClaimsSchema>;

/** The value of `svc` in the app's service tokens. */
export const SERVICE_CLAIM = 'app';

/**
 * The claims of a service token: the app calling the collab-server's internal API for one
 * document on behalf of `sub`. It has `svc` and no `role`, so it never opens a WebSocket, and a
 * browser's collab token (no `svc`) never opens the internal API.
 */
export const serviceClaimsSchema = z.object({
  /** The account on whose behalf the app acts, for logs and activity. */
  sub: z.string(),
  doc: z.string(),
  svc: z.literal(SERVICE_CLAIM),
  iat: z.number().optional(),
  exp: z.number(),
});

/** Claims of a service token as verified. */
export type ServiceClaims = z.infer<typeof serviceClaimsSchema>;

/** Lifetime of a collab token, in seconds. A token only opens a connection; an open one stays. */
export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

/** Lifetime of a service token for one internal call, in seconds. */
export const SERVICE_TOKEN_TTL_SECONDS = 60;

/** The shortest secret tokens may be signed with. */
export const MIN_SECRET_LENGTH = 32;
