/**
 * How the corpus runner serves a body's signature (docs/protocol.md §2.6), each way a
 * publisher or an attacker might get it right or wrong. A fresh key pair per run.
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
  | 'bad-public-key';

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { pair, publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)) };
}

async function sign(pair: CryptoKeyPair, bytes: Uint8Array): Promise<string> {
  return toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes as BufferSource));
}

/** A fetch that serves the body (and its signature as the mode says), and the public key to subscribe with. */
export async function signatureFetch(
  mode: SignatureMode | undefined,
  body: Uint8Array,
  headers: Record<string, string>,
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
  const good = await sign(pair, body);
  switch (mode) {
    case 'header':
      return { fetch: serve(`ed25519=${good}`, notFound), publicKey };
    case 'sig-file':
      return { fetch: serve(null, () => new Response(`${good}\n`)), publicKey };
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
      return { fetch: serve(`ed25519=${await sign(other.pair, body)}`, notFound), publicKey };
    }
    case 'other-bytes': {
      const changed = new Uint8Array([...body, 0x20]);
      return { fetch: serve(`ed25519=${await sign(pair, changed)}`, notFound), publicKey };
    }
    case 'garbage':
      return { fetch: serve('ed25519=%%%not-base64%%%', notFound), publicKey };
    case 'short':
      return { fetch: serve(`ed25519=${toBase64(new Uint8Array(63))}`, notFound), publicKey };
    case 'sig-file-html':
      return { fetch: serve(null, () => new Response('<!doctype html><p>Not here</p>', { headers: { 'Content-Type': 'text/html' } })), publicKey };
    case 'bad-public-key':
      return { fetch: serve(`ed25519=${good}`, notFound), publicKey: toBase64(new Uint8Array(31)) };
  }
}
