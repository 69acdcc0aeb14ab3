import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { startServer } from './app';
import { privateKeyFromText, publicKeyBase64, readPrivateKeyFile } from './signing';

/**
 * The reference feed and report server.
 *   npm run server -- --port 8787 --host 127.0.0.1 --data-dir .siar-data --tokens-file tokens.txt
 * or SIAR_PORT, SIAR_HOST, SIAR_DATA_DIR, SIAR_TOKENS (comma separated), SIAR_TOKENS_FILE.
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'tokens-file': { type: 'string' },
    'signing-key-file': { type: 'string' },
    'sig-file-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Siar reference server
  --port N            port (env SIAR_PORT, default 8787; 0 picks a free one)
  --host H            address to listen on (env SIAR_HOST, default 127.0.0.1)
  --data-dir DIR      where the SQLite database lives (env SIAR_DATA_DIR, default .siar-data)
  --tokens-file FILE  accepted bearer tokens, one per line (env SIAR_TOKENS_FILE, or SIAR_TOKENS=a,b)
  --signing-key-file FILE  sign the feed with this Ed25519 key (env SIAR_SIGNING_KEY_FILE, or
                      SIAR_SIGNING_KEY=<base64>); make one with \`npm run keygen\`
  --sig-file-only     serve the signature only as /feed.json.sig, without the Siar-Signature header`);
  process.exit(0);
}

function readTokens(): Set<string> | null {
  const file = values['tokens-file'] ?? process.env.SIAR_TOKENS_FILE;
  const list = file
    ? readFileSync(file, 'utf8').split('\n')
    : (process.env.SIAR_TOKENS ?? '').split(',');
  const tokens = list.map((t) => t.trim()).filter((t) => t && !t.startsWith('#'));
  return tokens.length > 0 ? new Set(tokens) : null;
}

function readSigningKey(): KeyObject | null {
  const file = values['signing-key-file'] ?? process.env.SIAR_SIGNING_KEY_FILE;
  if (file) return readPrivateKeyFile(file);
  return process.env.SIAR_SIGNING_KEY ? privateKeyFromText(process.env.SIAR_SIGNING_KEY) : null;
}

const signingKey = readSigningKey();
const running = await startServer({
  port: Number(values.port ?? process.env.SIAR_PORT ?? 8787),
  host: values.host ?? process.env.SIAR_HOST ?? '127.0.0.1',
  dataDir: values['data-dir'] ?? process.env.SIAR_DATA_DIR ?? '.siar-data',
  tokens: readTokens(),
  signingKey,
  signatureHeader: !values['sig-file-only'],
});
console.log(`Siar server listening on ${running.origin}`);
console.log(`  feed:    ${running.origin}/feed.json`);
console.log(`  reports: ${running.origin}/api/v1/shares (received: ${running.origin}/)`);
if (signingKey) console.log(`  signed:  ${running.origin}/feed.json.sig, public_key ${publicKeyBase64(signingKey)}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void running.close().then(() => process.exit(0)));
}
