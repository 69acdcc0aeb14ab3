import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSigningKeys } from './signing';

/**
 * `npm run keygen [-- --out siar-signing.key]`: a new Ed25519 key pair for
 * signing a feed (PROTOCOL §2.6). The public key goes into subscriptions and
 * policy; the private key stays with the publisher.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('npm run keygen [-- --out FILE]   prints a new key pair; --out writes the private key to FILE (mode 600)');
  process.exit(0);
}

const { privateKey, publicKey } = generateSigningKeys();
if (values.out) writeFileSync(values.out, `${privateKey}\n`, { mode: 0o600, flag: 'wx' });

console.log(`Siar feed signing key pair (Ed25519)

public_key (put it in each subscription, or in the managed policy's "feeds"):
${publicKey}

private key (secret: keep it with the publisher only${values.out ? `; written to ${values.out}` : ''}):
${values.out ? '(not shown)' : privateKey}

Sign what the reference server serves:
  npm run server -- --signing-key-file ${values.out ?? 'siar-signing.key'}
  SIAR_SIGNING_KEY=<private key> npm run server`);
