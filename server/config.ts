import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../lib/time/zoned-date';
import type { KeyObject } from 'node:crypto';
import type { SiarServerOptions } from './app';
import { privateKeyFromText, readPrivateKeyFile } from './signing';

/** `npm run server` flags and environment, read once; flags win over the environment. */

export const SERVER_HELP = `Siar reference server
  --port N               port (env SIAR_PORT, default 8787; 0 picks a free one)
  --host H               address to listen on (env SIAR_HOST, default 127.0.0.1)
  --data-dir DIR         where the SQLite database lives (env SIAR_DATA_DIR, default .siar-data)
  --tokens-file FILE     accepted bearer tokens, one a line, # comments (env SIAR_TOKENS_FILE,
                         or SIAR_TOKENS=a,b); none: reports need no token
  --timezone ZONE        the dashboard's "today" (env SIAR_TIMEZONE, default Asia/Jakarta)
  --dashboard-auth U:P   user:password (HTTP Basic) for / and /dashboard (env SIAR_DASHBOARD_AUTH);
                         none: open to whoever reaches the server
  --signing-key-file F   sign the feed with this Ed25519 key (env SIAR_SIGNING_KEY_FILE, or
                         SIAR_SIGNING_KEY=<base64>); make one with \`npm run keygen\`
  --sig-file-only        serve the signature only as /feed.json.sig, without the Siar-Signature header`;

export type ServerConfig = { help: true } | { help: false; options: SiarServerOptions };

export class ConfigError extends Error {}

export function readTokens(file: string | undefined, list: string | undefined): Set<string> | null {
  let lines: string[];
  if (file) {
    try {
      lines = readFileSync(file, 'utf8').split(/\r?\n/);
    } catch (error) {
      throw new ConfigError(`cannot read the tokens file ${file}: ${(error as Error).message}`);
    }
  } else {
    lines = (list ?? '').split(',');
  }
  const tokens = lines.map((t) => t.trim()).filter((t) => t && !t.startsWith('#'));
  if (file && tokens.length === 0) throw new ConfigError(`the tokens file ${file} holds no token`);
  return tokens.length > 0 ? new Set(tokens) : null;
}

export function parseServerConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'tokens-file': { type: 'string' },
      timezone: { type: 'string' },
      'dashboard-auth': { type: 'string' },
      'signing-key-file': { type: 'string' },
      'sig-file-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const port = Number(values.port ?? env.SIAR_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`not a port: ${values.port ?? env.SIAR_PORT}`);
  const timezone = values.timezone ?? env.SIAR_TIMEZONE ?? 'Asia/Jakarta';
  if (!isValidTimeZone(timezone)) throw new ConfigError(`not an IANA time zone: ${timezone}`);
  const dashboardAuth = values['dashboard-auth'] ?? env.SIAR_DASHBOARD_AUTH ?? null;
  if (dashboardAuth !== null && !/^[^:]+:.+$/.test(dashboardAuth)) throw new ConfigError('--dashboard-auth must be user:password');
  return {
    help: false,
    options: {
      port,
      host: values.host ?? env.SIAR_HOST ?? '127.0.0.1',
      dataDir: values['data-dir'] ?? env.SIAR_DATA_DIR ?? '.siar-data',
      tokens: readTokens(values['tokens-file'] ?? env.SIAR_TOKENS_FILE, env.SIAR_TOKENS),
      timezone,
      dashboardAuth,
      signingKey: readSigningKey(values['signing-key-file'] ?? env.SIAR_SIGNING_KEY_FILE, env.SIAR_SIGNING_KEY),
      signatureHeader: !values['sig-file-only'],
    },
  };
}

function readSigningKey(file: string | undefined, text: string | undefined): KeyObject | null {
  try {
    if (file) return readPrivateKeyFile(file);
    return text ? privateKeyFromText(text) : null;
  } catch (error) {
    throw new ConfigError(`cannot read the signing key${file ? ` ${file}` : ''}: ${(error as Error).message}`);
  }
}
