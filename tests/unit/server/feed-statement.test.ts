import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { feedStatement, generateSigningKeys, privateKeyFromText, signFeedStatement } from '../../../server/signing';

/** PROTOCOL §2.6 version 2: the statement names the feed, the moment and the exact body. */
describe('signFeedStatement', () => {
  const keys = generateSigningKeys();
  const body = new TextEncoder().encode('{"version":"https://jsonfeed.org/version/1.1","items":[]}');

  it('is a compact EdDSA JWS of typ siar-feed+jws that verifies with the public key alone', async () => {
    const statement = feedStatement({ url: 'https://siar.example.go.id/feed.json', body, seq: 7, now: new Date('2026-12-02T00:00:00Z') });
    const jws = await signFeedStatement(privateKeyFromText(keys.privateKey), statement);
    expect(jws.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', typ: 'siar-feed+jws' });
    const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(keys.publicKey, 'base64').toString('base64url') };
    const { payload } = await compactVerify(jws, await importJWK(publicJwk, 'EdDSA'));
    const parsed = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    expect(parsed).toEqual({
      url: 'https://siar.example.go.id/feed.json',
      sha256: createHash('sha256').update(body).digest('base64url'),
      iat: 1796169600,
      exp: 1796169600 + 48 * 3600,
      seq: 7,
    });
  });

  it('never issues a statement that lives longer than 48 hours', () => {
    const statement = feedStatement({ url: 'https://a.example/feed.json', body, seq: 1, lifetimeSeconds: 7 * 86400 });
    expect(statement.exp - statement.iat).toBe(48 * 3600);
  });

  it('does not verify under another key', async () => {
    const other = generateSigningKeys();
    const jws = await signFeedStatement(privateKeyFromText(keys.privateKey), feedStatement({ url: 'https://a.example/f', body, seq: 1 }));
    const wrongJwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(other.publicKey, 'base64').toString('base64url') };
    await expect(compactVerify(jws, await importJWK(wrongJwk, 'EdDSA'))).rejects.toThrow();
  });
});
