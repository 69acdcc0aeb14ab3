import { compactVerify, decodeProtectedHeader } from 'jose';
import { FeedRejection, type FeedStatement } from './types';

/**
 * PROTOCOL §2.6 (version 2): a signed statement, JWS compact with EdDSA (Ed25519), that
 * names the feed, the moment and the exact body. `jose` checks the JWS; WebCrypto holds
 * the key and hashes the body. Version 1 (a bare signature over the body) is refused.
 */

export const FEED_STATEMENT_TYPE = 'siar-feed+jws';
/** How far ahead of our clock a statement's `iat` may be. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export function decodeBase64(text: string): Uint8Array {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new Error('not base64');
  }
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function importPublicKey(base64Key: string): Promise<CryptoKey> {
  let raw: Uint8Array;
  try {
    raw = decodeBase64(base64Key);
  } catch {
    throw new FeedRejection('bad_public_key', 'not base64');
  }
  if (raw.byteLength !== 32) throw new FeedRejection('bad_public_key', `${raw.byteLength} bytes`);
  try {
    return await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    throw new FeedRejection('bad_public_key', String(error));
  }
}

export async function sha256Base64Url(body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body as BufferSource));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function sameFeedUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

function readStatement(payload: Uint8Array): FeedStatement {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    throw new FeedRejection('signature_invalid', 'the statement is not JSON');
  }
  const s = value as Partial<Record<keyof FeedStatement, unknown>> | null;
  const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (!s || typeof s !== 'object' || typeof s.url !== 'string' || typeof s.sha256 !== 'string' || !isInt(s.iat) || !isInt(s.exp) || !isInt(s.seq)) {
    throw new FeedRejection('signature_invalid', 'the statement lacks url, sha256, iat, exp or seq');
  }
  return { url: s.url, sha256: s.sha256, iat: s.iat, exp: s.exp, seq: s.seq };
}

/** Checks the JWS and its header, and returns the statement it signs (no claim checked yet). */
export async function verifyStatementSignature(publicKey: string, jws: string): Promise<FeedStatement> {
  const key = await importPublicKey(publicKey);
  const compact = jws.trim();
  try {
    const header = decodeProtectedHeader(compact);
    if (header.alg !== 'EdDSA' || header.typ !== FEED_STATEMENT_TYPE) {
      throw new FeedRejection('signature_invalid', `alg ${String(header.alg)}, typ ${String(header.typ)}`);
    }
  } catch (error) {
    if (error instanceof FeedRejection) throw error;
    throw new FeedRejection('signature_invalid', 'not a JWS');
  }
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(compact, key, { algorithms: ['EdDSA'] }));
  } catch {
    throw new FeedRejection('signature_invalid');
  }
  return readStatement(payload);
}

export interface StatementContext {
  /** The subscription's URL, as configured. */
  feedUrl: string;
  /** SHA-256 (base64url) of the exact body received, or of the cached body on a 304. */
  sha256: string;
  now: Date;
  /** The statement of the last version accepted under this key, if any. */
  previous: Pick<FeedStatement, 'seq' | 'sha256'> | null;
}

/** PROTOCOL §2.6's claims, in the order the reasons are most useful to read. */
export function checkStatement(statement: FeedStatement, context: StatementContext): void {
  if (statement.sha256 !== context.sha256) throw new FeedRejection('signature_body_mismatch');
  if (!sameFeedUrl(statement.url, context.feedUrl)) throw new FeedRejection('signature_wrong_url', statement.url);
  const nowS = Math.floor(context.now.getTime() / 1000);
  if (statement.exp <= nowS) throw new FeedRejection('signature_expired', new Date(statement.exp * 1000).toISOString());
  if (statement.iat > nowS + MAX_CLOCK_SKEW_S) throw new FeedRejection('signature_future', new Date(statement.iat * 1000).toISOString());
  const previous = context.previous;
  if (previous && (statement.seq < previous.seq || (statement.seq === previous.seq && statement.sha256 !== previous.sha256))) {
    throw new FeedRejection('signature_replay', `seq ${statement.seq} after ${previous.seq}`);
  }
}

/** The whole check of one version: signature, then every claim. */
export async function verifyFeedStatement(publicKey: string, jws: string, context: StatementContext): Promise<FeedStatement> {
  const statement = await verifyStatementSignature(publicKey, jws);
  checkStatement(statement, context);
  return statement;
}
