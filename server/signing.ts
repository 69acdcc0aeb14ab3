import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { readFileSync } from 'node:fs';
import type { FeedStatement } from '../lib/feed/types';

/**
 * PROTOCOL §2.6 on the publisher's side: Ed25519 over the exact bytes served.
 * A private key travels as base64 of its raw 32-byte seed (what `npm run keygen`
 * prints), or as a PKCS #8 PEM file; a public key as base64 of its raw 32 bytes.
 */

// DER prefixes of an Ed25519 key (RFC 8410): PKCS #8 before the seed, SPKI before the public key.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function privateKeyFromText(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  const seed = Buffer.from(trimmed, 'base64');
  if (seed.byteLength !== 32 || seed.toString('base64') !== trimmed) {
    throw new Error('A signing key is base64 of 32 bytes (see `npm run keygen`) or a PKCS #8 PEM file.');
  }
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function readPrivateKeyFile(path: string): KeyObject {
  return privateKeyFromText(readFileSync(path, 'utf8'));
}

/** base64 of the raw 32-byte public key: what a subscription's `public_key` holds. */
export function publicKeyBase64(key: KeyObject): string {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(SPKI_PREFIX.byteLength).toString('base64');
}

/** The base64 signature of the bytes (the `.sig` body; the header adds `ed25519=`). */
export function signBytes(key: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, key).toString('base64');
}

export function generateSigningKeys(): { privateKey: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { privateKey: pkcs8.subarray(PKCS8_PREFIX.byteLength).toString('base64'), publicKey: publicKeyBase64(privateKey) };
}

/**
 * PROTOCOL §2.6 (version 2): the signed statement that names the feed, the moment and the
 * exact body. The JWS is made by `jose` (compact, EdDSA, `typ: siar-feed+jws`), so that the
 * extension's verifier and this signer share no code.
 */
export const FEED_STATEMENT_TYPE = 'siar-feed+jws';
/** Publishers re-sign at least daily; a statement lives at most 48 hours. */
export const FEED_STATEMENT_MAX_LIFETIME_S = 48 * 3600;

export function feedStatement(input: { url: string; body: Uint8Array; seq: number; now?: Date; lifetimeSeconds?: number }): FeedStatement {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const lifetime = Math.min(input.lifetimeSeconds ?? FEED_STATEMENT_MAX_LIFETIME_S, FEED_STATEMENT_MAX_LIFETIME_S);
  return {
    url: input.url,
    sha256: createHash('sha256').update(input.body).digest('base64url'),
    iat,
    exp: iat + lifetime,
    seq: input.seq,
  };
}

export function signFeedStatement(key: KeyObject, statement: FeedStatement): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(statement)))
    .setProtectedHeader({ alg: 'EdDSA', typ: FEED_STATEMENT_TYPE })
    .sign(key);
}
