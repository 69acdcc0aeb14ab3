import { FeedRejection } from './types';

/** docs/protocol.md §2.6: Ed25519 over the exact bytes of the response body, via WebCrypto. */

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

/** `ed25519=<base64>` (the header form) or a bare base64 signature (the `.sig` form). */
export function parseSignature(value: string): Uint8Array | null {
  const match = /^\s*(?:ed25519=)?([A-Za-z0-9+/=\s]+)$/.exec(value);
  if (!match?.[1]) return null;
  try {
    const signature = decodeBase64(match[1].replace(/\s+/g, ''));
    return signature.byteLength === 64 ? signature : null;
  } catch {
    return null;
  }
}

export async function verifySignature(
  publicKey: string,
  signatureText: string,
  body: Uint8Array,
): Promise<void> {
  const key = await importPublicKey(publicKey);
  const signature = parseSignature(signatureText);
  if (!signature) throw new FeedRejection('signature_invalid', 'malformed signature');
  const ok = await crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    signature as BufferSource,
    body as BufferSource,
  );
  if (!ok) throw new FeedRejection('signature_invalid');
}
