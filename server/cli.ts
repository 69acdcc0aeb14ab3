import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openKantor, startServer, type RunningServer } from './app';
import { ConfigError, DATABASE_HELP, DATABASE_OPTIONS, databaseTarget, parseServeConfig, readSigningKey, SERVE_HELP } from './config';
import { DatabaseUnavailable, safeUrl } from './db/connect';
import type { Role } from './db/schema';
import { demoPoster } from './demo-pages';
import { codesCsv } from './people-codes';
import { generateSigningKeys, publicKeyBase64 } from './signing';
import { seedLoadCommand } from './scale/seed-load-command';
import { ImportRejected, UnknownPerson } from './store/people';
import { serveWithWorkers } from './workers';
import { ROLES, UserError } from './store/users';

/**
 * `npm run siar -- <command>`: the admin's whole life without a browser, in the style of
 * Mastodon's tootctl and Gitea's `admin`. Exit codes: 0 done, 1 failed (the reason is one
 * sentence on stderr), 2 a usage error.
 */

const HELP = `Siar Kantor — npm run siar -- <command> [flags]   (each command takes --help)

  serve                      run the server (feed, reports, enrollment, dashboard)
  user add NAME --role R     add a staff user (admin, editor or approver); the password comes from stdin
  people import FILE.csv --codes OUT.csv
                             register people (nip,name,unit[,email]) and write their codes and links
  people revoke NIP          revoke a person: their token stops working at once (401)
  people reissue NIP --codes OUT.csv
                             a new code for a person (earlier unused codes stop working)
  keygen [--out FILE]        a new Ed25519 key pair for signing the feed
  export DIR --origin URL    write feed.json, feed.json.sig and images for a CDN or plain web server
  seed-load --reports N      fill a database with N invented, realistic reports, for measuring`;

class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
  }
}

const ORIGIN_HELP = `  --origin URL           the public address of this office's Siar Kantor, e.g. https://siar.example.go.id
                         (env SIAR_ORIGIN; default http://127.0.0.1:8787)`;

function originOf(value: string | undefined, help: string): string {
  const origin = value ?? process.env.SIAR_ORIGIN ?? 'http://127.0.0.1:8787';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new UsageError(`not a URL: ${origin}`, help);
  }
  return url.origin;
}

async function withStores<T>(values: Record<string, unknown>, work: (kantor: Awaited<ReturnType<typeof openKantor>>) => Promise<T>): Promise<T> {
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database: databaseTarget(values, process.env) });
  try {
    return await work(kantor);
  } finally {
    await kantor.siar.close();
  }
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  // On a terminal: ask, and do not echo what is typed.
  process.stderr.write('Kata sandi / password: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}

async function serve(argv: string[]): Promise<void> {
  let config;
  try {
    config = parseServeConfig(argv, process.env);
  } catch (error) {
    throw new UsageError((error as Error).message, SERVE_HELP);
  }
  if (config.help) return void console.log(SERVE_HELP);
  const { options, workers } = config;
  const announce = async (running: RunningServer) => {
    const where = options.database?.kind === 'postgres' ? `PostgreSQL ${safeUrl(options.database.url)}` : `SQLite in ${options.database?.kind === 'sqlite' ? options.database.dataDir : '.siar-data'}`;
    console.log(`Siar Kantor listening on ${running.origin} (${where}${workers > 1 ? `, ${workers} worker processes` : ''})`);
    console.log(`  feed:      ${running.origin}/feed.json${options.signingKey ? ` (signed ${options.signatureVersion}, public_key ${publicKeyBase64(options.signingKey)})` : ' (unsigned)'}`);
    console.log(`  reports:   ${running.origin}/api/v1/shares (personal tokens${options.tokens ? `, ${options.tokens.size} legacy shared token(s)` : ''}${options.openReports ? ', and without a token' : ''})`);
    console.log(`  enroll:    ${running.origin}/api/v1/enroll, links ${running.origin}/daftar#<code>`);
    console.log(`  dashboard: ${running.origin}/dashboard (sign in; add users with \`npm run siar -- user add\`)`);
    if ((await running.kantor.users.count()) === 0) console.warn('  note: no user yet: add one with `npm run siar -- user add NAME --role admin`');
  };
  if (workers > 1) return serveWithWorkers(options, workers, announce);
  const running = await startServer(options);
  await announce(running);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
}

const USER_HELP = `npm run siar -- user add NAME --role admin|editor|approver [--data DIR | --database-url URL]
  The password is read from stdin (one line), never from the command line:
    printf '%s\\n' "$PASSWORD" | npm run siar -- user add budi --role admin
${DATABASE_HELP}`;

async function user(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...DATABASE_OPTIONS, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USER_HELP);
  const [sub, name] = positionals;
  if (sub !== 'add' || !name || positionals.length !== 2) throw new UsageError('usage: user add NAME --role ROLE', USER_HELP);
  if (!values.role || !ROLES.includes(values.role as Role)) throw new UsageError(`--role is one of ${ROLES.join(', ')}`, USER_HELP);
  const password = await readPassword();
  await withStores(values, async (kantor) => {
    await kantor.users.add(name, values.role as Role, password, 'cli');
    console.log(`User ${name} (${values.role}) added.`);
  });
}

const PEOPLE_HELP = `npm run siar -- people import FILE.csv --codes OUT.csv [--origin URL]
npm run siar -- people revoke NIP
npm run siar -- people reissue NIP --codes OUT.csv [--origin URL]
  FILE.csv: nip,name,unit[,email] (a header line "nip,…" is allowed). Every line is imported or
  none: bad lines are listed with their numbers and reasons. OUT.csv: nip,name,unit,code,link.
${ORIGIN_HELP}
${DATABASE_HELP}`;

async function people(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...DATABASE_OPTIONS, codes: { type: 'string' }, origin: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void console.log(PEOPLE_HELP);
  const [sub, arg] = positionals;
  if (!sub || !arg || positionals.length !== 2) throw new UsageError('usage: people import|revoke|reissue …', PEOPLE_HELP);
  if (sub === 'revoke') {
    return withStores(values, async (kantor) => {
      await kantor.people.revoke(arg, 'cli');
      console.log(`${arg} revoked: their report token now gets 401, and their open codes no longer work.`);
    });
  }
  if (sub !== 'import' && sub !== 'reissue') throw new UsageError(`unknown people command: ${sub}`, PEOPLE_HELP);
  if (!values.codes) throw new UsageError('--codes OUT.csv is required: the codes are shown only once', PEOPLE_HELP);
  const origin = originOf(values.origin, PEOPLE_HELP);
  let text = '';
  if (sub === 'import') {
    try {
      text = readFileSync(arg, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read ${arg}: ${(error as Error).message}`);
    }
  }
  await withStores(values, async (kantor) => {
    const issued = sub === 'import' ? await kantor.people.importCsv(text, 'cli') : [await kantor.people.reissue(arg, 'cli')];
    writeFileSync(values.codes!, codesCsv(origin, issued), { mode: 0o600 });
    console.log(`${issued.length} code(s) written to ${values.codes} (valid 14 days; send each link to its owner).`);
  });
}

const KEYGEN_HELP = `npm run siar -- keygen [--out FILE]
  Prints a new Ed25519 key pair for signing the feed (PROTOCOL §2.6). With --out, the private key
  goes to FILE (mode 0600, never overwritten) instead of the screen.`;

function keygen(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(KEYGEN_HELP);
  const { privateKey, publicKey } = generateSigningKeys();
  if (values.out) {
    // Its directory is made (owner only) if missing: `--out /etc/siar/siar-signing.key` on a fresh machine.
    mkdirSync(dirname(values.out), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(values.out, `${privateKey}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${values.out} exists already: a signing key is never overwritten. Choose another --out.`, KEYGEN_HELP);
      throw error;
    }
  }
  console.log(`Siar feed signing key pair (Ed25519)

public_key (put it in each subscription, or in the managed policy's "feeds"):
${publicKey}

private key (secret: keep it with the publisher only${values.out ? `; written to ${values.out}` : ''}):
${values.out ? '(not shown)' : privateKey}

Sign the feed:
  npm run siar -- serve --signing-key-file ${values.out ?? 'siar-signing.key'}
  SIAR_SIGNING_KEY=<private key> npm run siar -- serve`);
}

const EXPORT_HELP = `npm run siar -- export DIR --origin URL [--signing-key-file F] [--data DIR | --database-url URL]
  Writes DIR/feed.json, DIR/feed.json.sig (the signed statement) and the demo images, for a CDN
  or a plain web server at URL. Run it again (at least every 12 hours) to re-sign.
${ORIGIN_HELP}
  --signing-key-file F   (env SIAR_SIGNING_KEY_FILE or SIAR_SIGNING_KEY); without a key, no .sig
${DATABASE_HELP}`;

async function exportFeed(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...DATABASE_OPTIONS, origin: { type: 'string' }, 'signing-key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void console.log(EXPORT_HELP);
  const [dir] = positionals;
  if (!dir || positionals.length !== 1) throw new UsageError('usage: export DIR --origin URL', EXPORT_HELP);
  const origin = originOf(values.origin, EXPORT_HELP);
  let signingKey;
  try {
    signingKey = readSigningKey(values['signing-key-file'] ?? process.env.SIAR_SIGNING_KEY_FILE, process.env.SIAR_SIGNING_KEY);
  } catch (error) {
    throw new UsageError((error as Error).message, EXPORT_HELP);
  }
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database: databaseTarget(values, process.env), signingKey });
  try {
    const version = await kantor.feed.current(origin, `${origin}/feed.json`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'feed.json'), version.body);
    if (version.signature) writeFileSync(join(dir, 'feed.json.sig'), version.signature);
    let images = 0;
    for (const match of version.body.toString('utf8').matchAll(/"image": "[^"]*\/demo\/images\/(\w+)\.svg"/g)) {
      const svg = demoPoster(match[1]!);
      if (!svg) continue;
      const file = join(dir, 'demo', 'images', `${match[1]}.svg`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, svg);
      images++;
    }
    console.log(`Wrote ${join(dir, 'feed.json')} (seq ${version.seq})${version.signature ? ', feed.json.sig' : ' (unsigned: no key)'} and ${images} image(s).`);
  } finally {
    await kantor.siar.close();
  }
}

const COMMANDS: Record<string, (argv: string[]) => void | Promise<void>> = { serve, user, people, keygen, export: exportFeed, 'seed-load': seedLoadCommand };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command: ${command}\n\n${HELP}`);
    return 2;
  }
  try {
    await run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${error.help}`);
      return 2;
    }
    if (error instanceof ConfigError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof ImportRejected) {
      console.error(`Nothing was imported. Fix these lines and import the whole file again:\n${error.message}`);
      return 1;
    }
    if (error instanceof DatabaseUnavailable || error instanceof UserError || error instanceof UnknownPerson) {
      console.error(error.message);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`The port is in use: choose another with --port. (${(error as Error).message})`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const code = await main(process.argv.slice(2));
  // serve keeps running; every other command ends here.
  if (code !== 0 || process.argv[2] !== 'serve' || process.argv.includes('--help') || process.argv.includes('-h')) process.exit(code);
}
