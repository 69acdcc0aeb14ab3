import { CompactSign } from 'jose';
import { createHash } from 'node:crypto';

/**
 * How the corpus runner serves a body's signed statement (PROTOCOL §2.6, version 2), each
 * way a publisher or an attacker might get it right or wrong. A fresh key pair per run; the
 * JWS is made with `jose`, the extension verifies with `jose` + WebCrypto.
 */
export type SignatureMode =
  | 'header'
  | 'sig-file'
  | 'none'
  | 'sig-file-404'
  | 'wrong-key'
  | 'other-bytes'
  | 'garbage'
  | 'short'
  | 'sig-file-html'
  | 'bad-public-key'
  | 'v1-bare'
  | 'other-url'
  | 'expired'
  | 'future'
  | 'replay'
  | 'same-seq-other-body'
  | 'wrong-typ'
  | 'missing-claims'
  | 'url-normalised';

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { pair, publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)) };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

export interface StatementInput {
  url: string;
  body: Uint8Array;
  seq?: number;
  /** Unix seconds. */
  iat: number;
  exp?: number;
}

/** A v2 statement signed as a publisher would, with claims a test may bend. */
export async function signStatement(privateKey: CryptoKey, input: StatementInput, extra: { typ?: string; payload?: object } = {}): Promise<string> {
  const payload = extra.payload ?? { url: input.url, sha256: sha256(input.body), iat: input.iat, exp: input.exp ?? input.iat + 3600, seq: input.seq ?? 7 };
  return new CompactSign(new Uint8Array(Buffer.from(JSON.stringify(payload))))
    .setProtectedHeader({ alg: 'EdDSA', typ: extra.typ ?? 'siar-feed+jws' })
    .sign(privateKey);
}

/** The last accepted version that a 'replay' mode pretends the client holds. */
export const PREVIOUS_SEQ = 100;

/** A fetch that serves the body (and its statement as the mode says), and the public key to subscribe with. */
export async function signatureFetch(
  mode: SignatureMode | undefined,
  body: Uint8Array,
  headers: Record<string, string>,
  context: { url: string; now: Date },
): Promise<{ fetch: typeof fetch; publicKey: string | undefined }> {
  const serve = (sigHeader: string | null, sigFile: () => Response | Promise<Response>) =>
    (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('.sig')) return sigFile();
      return new Response(body as BodyInit, { headers: sigHeader ? { ...headers, 'Siar-Signature': sigHeader } : headers });
    }) as typeof fetch;
  const notFound = () => new Response('Not Found', { status: 404 });
  if (!mode) return { fetch: serve(null, notFound), publicKey: undefined };

  const { pair, publicKey } = await keyPair();
  const iat = Math.floor(context.now.getTime() / 1000) - 60;
  const statement = (overrides: Partial<StatementInput> = {}, extra = {}) =>
    signStatement(pair.privateKey, { url: context.url, body, iat, ...overrides }, extra);
  const header = async (overrides: Partial<StatementInput> = {}, extra = {}) => ({ fetch: serve(await statement(overrides, extra), notFound), publicKey });
  switch (mode) {
    case 'header':
      return header();
    case 'sig-file': {
      const jws = await statement();
      return { fetch: serve(null, () => new Response(`${jws}\n`)), publicKey };
    }
    case 'none':
      return {
        fetch: serve(null, () => {
          throw new TypeError('Failed to fetch');
        }),
        publicKey,
      };
    case 'sig-file-404':
      return { fetch: serve(null, notFound), publicKey };
    case 'wrong-key': {
      const other = await keyPair();
      return { fetch: serve(await signStatement(other.pair.privateKey, { url: context.url, body, iat }), notFound), publicKey };
    }
    case 'other-bytes':
      return header({ body: new Uint8Array([...body, 0x20]) });
    case 'garbage':
      return { fetch: serve('%%%not-a-jws%%%', notFound), publicKey };
    case 'short': {
      const [h, p] = (await statement()).split('.');
      return { fetch: serve(`${h}.${p}.${toBase64(new Uint8Array(63)).replace(/=+$/, '')}`, notFound), publicKey };
    }
    case 'sig-file-html':
      return { fetch: serve(null, () => new Response('<!doctype html><p>Not here</p>', { headers: { 'Content-Type': 'text/html' } })), publicKey };
    case 'bad-public-key':
      return { fetch: serve(await statement(), notFound), publicKey: toBase64(new Uint8Array(31)) };
    case 'v1-bare': {
      // Version 1: a bare Ed25519 signature over the body. No longer accepted.
      const bare = toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, body as BufferSource));
      return { fetch: serve(`ed25519=${bare}`, notFound), publicKey };
    }
    case 'other-url':
      return header({ url: 'https://kabupaten-lain.example.go.id/feed' });
    case 'url-normalised':
      // The same URL in another spelling: equal after WHATWG URL parsing.
      return header({ url: context.url.replace('https://diskominfo.example.go.id', 'HTTPS://Diskominfo.Example.Go.Id:443') });
    case 'expired':
      return header({ iat: iat - 3 * 86400, exp: iat - 86400 });
    case 'future':
      return header({ iat: iat + 60 + 6 * 60, exp: iat + 86400 });
    case 'replay':
      return header({ seq: PREVIOUS_SEQ - 1 });
    case 'same-seq-other-body':
      return header({ seq: PREVIOUS_SEQ });
    case 'wrong-typ':
      return header({}, { typ: 'JWT' });
    case 'missing-claims':
      return header({}, { payload: { url: context.url, sha256: sha256(body) } });
  }
}
