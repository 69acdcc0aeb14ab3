import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { isValidTimeZone } from '../lib/time/zoned-date';
import type { SiarServerOptions } from './app';
import type { DatabaseTarget } from './db/connect';
import { privateKeyFromText, readPrivateKeyFile } from './signing';

/** `siar serve` flags and environment, read once; flags win over the environment. */

export const DATABASE_HELP = `  --data DIR             SQLite in DIR (env SIAR_DATA_DIR, default .siar-data); the default database
  --database-url URL     PostgreSQL instead, e.g. postgres://siar@db.local/siar (env SIAR_DATABASE_URL)`;

export const SERVE_HELP = `npm run siar -- serve [flags]      Siar Kantor: feed, report receiver, enrollment, dashboard
  --port N               port (env SIAR_PORT, default 8787; 0 picks a free one)
  --host H               address to listen on (env SIAR_HOST, default 127.0.0.1)
${DATABASE_HELP}
  --signing-key-file F   sign the feed with this Ed25519 key (env SIAR_SIGNING_KEY_FILE, or
                         SIAR_SIGNING_KEY=<base64>); make one with \`npm run siar -- keygen\`
  --feed-signature V     v2 (default): the JWS statement of PROTOCOL §2.6; v1: the old bare signature
  --sig-file-only        the signature only at /feed.json.sig, without the Siar-Signature header
  --timezone ZONE        the dashboard's "today" and the feed's zone (env SIAR_TIMEZONE, default Asia/Jakarta)
  --trust-proxy ADDR     believe X-Forwarded-Proto/-Host from these addresses (comma-separated; env
                         SIAR_TRUST_PROXY), e.g. 127.0.0.1 behind a local TLS reverse proxy
  --tokens-file FILE     old shared report tokens, one a line (env SIAR_TOKENS_FILE); needs
  --legacy-shared-token  the "legacy shared token" setting (env SIAR_LEGACY_SHARED_TOKEN=1): reports
                         sent with such a token are accepted and marked unverified on the dashboard
  --open-reports         accept reports without any token, unverified (a local trial only)
  --read-database-url URL  PostgreSQL: the dashboard reads from this streaming replica of --database-url
                         (env SIAR_READ_DATABASE_URL); it may lag the primary by a moment
  --retain-months N      PostgreSQL: keep this month's reports and N months before it (at least 2,
                         so that a resend within PROTOCOL's 30 days stays a duplicate); older monthly
                         partitions are dropped, hourly (env SIAR_RETAIN_MONTHS; default: keep all)
  --max-queued-reports N past this many reports waiting to be written, answer 503 + Retry-After
                         (env SIAR_MAX_QUEUED_REPORTS, default 20000)
  --workers N            run N server processes on the one port (env SIAR_WORKERS, default 1): the feed's
                         304s and the reports use every core; the database is what they share
  --demo                 write the demo posts, dated today, at start
  --publisher NAME       the office's name in the feed (env SIAR_PUBLISHER)`;

export class ConfigError extends Error {}

export function readTokens(file: string | undefined): Set<string> | null {
  if (!file) return null;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
  } catch (error) {
    throw new ConfigError(`cannot read the tokens file ${file}: ${(error as Error).message}`);
  }
  const tokens = lines.map((t) => t.trim()).filter((t) => t && !t.startsWith('#'));
  if (tokens.length === 0) throw new ConfigError(`the tokens file ${file} holds no token`);
  return new Set(tokens);
}

export const DATABASE_OPTIONS = {
  data: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export function databaseTarget(values: { data?: string; 'data-dir'?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv): DatabaseTarget {
  const dir = values.data ?? values['data-dir'];
  const url = values['database-url'];
  if (dir && url) throw new ConfigError('give --data or --database-url, not both');
  if (url ?? (!dir && env.SIAR_DATABASE_URL)) {
    const chosen = (url ?? env.SIAR_DATABASE_URL)!;
    if (!/^postgres(ql)?:\/\//.test(chosen)) throw new ConfigError('--database-url must start with postgres://');
    return { kind: 'postgres', url: chosen };
  }
  return { kind: 'sqlite', dataDir: dir ?? env.SIAR_DATA_DIR ?? '.siar-data' };
}

export type ServeConfig = { help: true } | { help: false; options: SiarServerOptions; workers: number };

export function parseServeConfig(argv: string[], env: NodeJS.ProcessEnv): ServeConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...DATABASE_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      'tokens-file': { type: 'string' },
      'legacy-shared-token': { type: 'boolean' },
      'open-reports': { type: 'boolean' },
      timezone: { type: 'string' },
      'signing-key-file': { type: 'string' },
      'feed-signature': { type: 'string' },
      'sig-file-only': { type: 'boolean' },
      'trust-proxy': { type: 'string' },
      demo: { type: 'boolean' },
      'read-database-url': { type: 'string' },
      'retain-months': { type: 'string' },
      'max-queued-reports': { type: 'string' },
      workers: { type: 'string' },
      publisher: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const workers = values.workers ?? env.SIAR_WORKERS ?? '1';
  if (!/^\d+$/.test(workers) || Number(workers) < 1 || Number(workers) > 64) throw new ConfigError(`--workers is a whole number from 1 to 64, not ${workers}`);
  const port = Number(values.port ?? env.SIAR_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`not a port: ${values.port ?? env.SIAR_PORT}`);
  const timezone = values.timezone ?? env.SIAR_TIMEZONE ?? 'Asia/Jakarta';
  if (!isValidTimeZone(timezone)) throw new ConfigError(`not an IANA time zone: ${timezone}`);
  const signatureVersion = values['feed-signature'] ?? 'v2';
  if (signatureVersion !== 'v1' && signatureVersion !== 'v2') throw new ConfigError('--feed-signature is v1 or v2');
  const tokens = readTokens(values['tokens-file'] ?? env.SIAR_TOKENS_FILE);
  const legacy = values['legacy-shared-token'] ?? env.SIAR_LEGACY_SHARED_TOKEN === '1';
  if (tokens && !legacy) {
    throw new ConfigError(
      'a shared tokens file lets anyone who holds a token report as any NIP; turn on the "legacy shared token" setting with --legacy-shared-token to accept it anyway (its reports are marked unverified), or enroll people with personal codes (people import)',
    );
  }
  const trust = values['trust-proxy'] ?? env.SIAR_TRUST_PROXY;
  const database = databaseTarget(values, env);
  const scale = scaleOptions(values, env, database);
  return {
    help: false,
    workers: Number(workers),
    options: {
      port,
      host: values.host ?? env.SIAR_HOST ?? '127.0.0.1',
      database,
      ...scale,
      tokens,
      openReports: values['open-reports'] ?? false,
      timezone,
      signingKey: readSigningKey(values['signing-key-file'] ?? env.SIAR_SIGNING_KEY_FILE, env.SIAR_SIGNING_KEY),
      signatureVersion,
      signatureHeader: !values['sig-file-only'],
      trustProxy: trust ? trust.split(',').map((a) => a.trim()).filter(Boolean).join(',') : false,
      seedDemoPosts: values.demo ?? false,
      publisher: values.publisher ?? env.SIAR_PUBLISHER,
      logger: false,
    },
  };
}

/** Issue 15's flags: a read replica, retention, the write queue's bound. */
function scaleOptions(
  values: { 'read-database-url'?: string; 'retain-months'?: string; 'max-queued-reports'?: string },
  env: NodeJS.ProcessEnv,
  database: DatabaseTarget,
): Pick<SiarServerOptions, 'readDatabase' | 'retainMonths' | 'maxQueuedReports'> {
  const readUrl = values['read-database-url'] ?? env.SIAR_READ_DATABASE_URL;
  const retain = values['retain-months'] ?? env.SIAR_RETAIN_MONTHS;
  const queued = values['max-queued-reports'] ?? env.SIAR_MAX_QUEUED_REPORTS;
  if (readUrl && database.kind !== 'postgres') throw new ConfigError('--read-database-url needs --database-url (a PostgreSQL primary)');
  if (readUrl && !/^postgres(ql)?:\/\//.test(readUrl)) throw new ConfigError('--read-database-url must start with postgres://');
  if (retain !== undefined && (!/^\d+$/.test(retain) || Number(retain) < 2)) throw new ConfigError(`--retain-months is a whole number of at least 2, not ${retain}`);
  if (retain !== undefined && database.kind !== 'postgres') throw new ConfigError('--retain-months needs --database-url: SQLite keeps one reports table');
  if (queued !== undefined && (!/^\d+$/.test(queued) || Number(queued) < 1)) throw new ConfigError(`--max-queued-reports is a positive whole number, not ${queued}`);
  return {
    readDatabase: readUrl ? { kind: 'postgres', url: readUrl } : null,
    retainMonths: retain === undefined ? null : Number(retain),
    ...(queued === undefined ? {} : { maxQueuedReports: Number(queued) }),
  };
}

export function readSigningKey(file: string | undefined, text: string | undefined): KeyObject | null {
  try {
    if (file) return readPrivateKeyFile(file);
    return text ? privateKeyFromText(text) : null;
  } catch (error) {
    throw new ConfigError(`cannot read the signing key${file ? ` ${file}` : ''}: ${(error as Error).message}`);
  }
}
