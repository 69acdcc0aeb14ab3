import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DEFAULT_TIMEZONE } from '../lib/time/zoned-date';
import type { Kantor, KantorSettings } from './context';
import { openDatabase, type DatabaseTarget, type SiarDb } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { installAdmission } from './scale/admission';
import { startPartitionMaintenance } from './scale/maintenance';
import { FeedPublisher, type SignatureVersion } from './feed/feed-publisher';
import { authPlugin } from './plugins/auth';
import { dashboardPlugin } from './plugins/dashboard';
import { demoPlugin } from './plugins/demo';
import { enrollPlugin } from './plugins/enroll';
import { registerErrorHandling } from './plugins/errors';
import { feedPlugin, installFeedFastPath, rawFeedNotModified } from './plugins/feed';
import { peoplePlugin } from './plugins/people';
import { rateLimitPlugin } from './plugins/rate-limit';
import { postStore } from './posts/office-posts';
import { postsApiPlugin } from './plugins/posts-api';
import { postsPagesPlugin } from './plugins/posts-pages';
import { languagePlugin } from './plugins/language';
import { summaryPlugin } from './plugins/summary';
import { reportsPlugin } from './plugins/reports';
import { siteHealthPlugin } from './plugins/site-health';
import { ImageStore } from './store/images';
import { PeopleStore } from './store/people';
import { demoPosts, upsertPosts } from './store/posts';
import { ReportStore, reportWriter } from './store/reports';
import { UserStore } from './store/users';

/** Siar Kantor: the office server, one Fastify plugin per concern over one Kysely database. */

export interface SiarServerOptions {
  host: string;
  port: number;
  /** SQLite in this directory (`--data`), unless `database` says otherwise. */
  dataDir?: string;
  database?: DatabaseTarget;
  /** Legacy shared tokens (`--tokens-file`, with `--legacy-shared-token`); their reports are unverified. */
  tokens?: ReadonlySet<string> | null;
  /** Accept reports without any token (unverified): the local demo and tests. */
  openReports?: boolean;
  /** Staff pages without sign-in: the local demo only. */
  openDashboard?: boolean;
  signingKey?: KeyObject | null;
  /** v2 (default): the JWS statement of PROTOCOL §2.6; v1: the bare Ed25519 signature (until the extension verifies v2). */
  signatureVersion?: SignatureVersion;
  /** false: the signature only at `/feed.json.sig`. */
  signatureHeader?: boolean;
  timezone?: string;
  /** Fastify's trustProxy: addresses (or true) whose X-Forwarded-Proto/Host are believed. */
  trustProxy?: string | boolean;
  /** Write the demo posts (dated today) at start. */
  seedDemoPosts?: boolean;
  maxQueuedReports?: number;
  /** The dashboard's reads go here (a streaming replica of `database`), issue 15. */
  readDatabase?: DatabaseTarget | null;
  /** PostgreSQL: drop monthly report partitions older than this many months (at least 2). */
  retainMonths?: number | null;
  /** Enrollment attempts per address a minute (default 10): code guessing. */
  enrollAttemptsPerMinute?: number;
  publisher?: string;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  kantor: Kantor;
  origin: string;
  close(): Promise<void>;
}

const isLoopback = (host: string) => /^(127\.|localhost$|::1$|\[::1\]$)/.test(host);

async function sessionSecret(siar: SiarDb): Promise<string> {
  // Kept in the database, so that every process of one office signs cookies alike.
  await siar.db
    .insertInto('settings')
    .values({ key: 'session_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((c) => c.column('key').doNothing())
    .execute();
  const row = await siar.db.selectFrom('settings').select('value').where('key', '=', 'session_secret').executeTakeFirstOrThrow();
  return row.value;
}

export async function openKantor(options: SiarServerOptions): Promise<Kantor> {
  const target: DatabaseTarget = options.database ?? { kind: 'sqlite', dataDir: options.dataDir ?? '.siar-data' };
  const siar = await openDatabase(target);
  try {
    await migrateToLatest(siar);
    if (options.seedDemoPosts) await upsertPosts(siar.db, demoPosts());
  } catch (error) {
    await siar.close();
    throw error;
  }
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  const settings: KantorSettings = {
    signingKey: options.signingKey ?? null,
    signatureVersion: options.signatureVersion ?? 'v2',
    signatureHeader: options.signatureHeader !== false,
    timezone,
    legacyTokens: options.tokens && options.tokens.size > 0 ? options.tokens : null,
    openReports: options.openReports ?? false,
    secureCookies: !isLoopback(options.host),
    openDashboard: options.openDashboard ?? false,
    allowPrivateLinks: isLoopback(options.host),
  };
  const identity = {
    title: options.publisher ? `Siar — ${options.publisher}` : 'Siar Demo — Diskominfo Provinsi Kepulauan Bangka Belitung',
    publisher: options.publisher ?? 'Diskominfo Provinsi Kepulauan Bangka Belitung (demo)',
    timezone,
  };
  let read = siar;
  if (options.readDatabase) {
    try {
      read = await openDatabase(options.readDatabase);
    } catch (error) {
      await siar.close();
      throw error;
    }
  }
  return {
    siar,
    read,
    settings,
    reports: new ReportStore(reportWriter(siar), options.maxQueuedReports),
    people: new PeopleStore(siar.db),
    users: new UserStore(siar.db),
    feed: new FeedPublisher(siar.db, identity, settings.signingKey, settings.signatureVersion),
    posts: postStore(siar, timezone),
    images: new ImageStore(siar.db),
  };
}

export async function buildApp(kantor: Kantor, options: Pick<SiarServerOptions, 'trustProxy' | 'logger' | 'enrollAttemptsPerMinute'> = {}): Promise<FastifyInstance> {
  const trustProxy = options.trustProxy ?? false;
  const feedNotModified = rawFeedNotModified(kantor);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy,
    // Without a trusted proxy, an unchanged feed's 304 is written before Fastify sees the request.
    ...(trustProxy === false ? { serverFactory: (handler: (request: IncomingMessage, response: ServerResponse) => void) => createServer((request, response) => feedNotModified(request, response) || handler(request, response)) } : {}),
    // Coercion would turn a report's `reporter.id: 1` into "1": the API takes what it was sent, or says why not.
    ajv: { customOptions: { coerceTypes: false, allErrors: false } },
    bodyLimit: 1024 * 1024,
  });
  registerErrorHandling(app);
  installFeedFastPath(app, kantor);
  installAdmission(app);
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], upgradeInsecureRequests: null },
    },
  });
  await app.register(rateLimitPlugin(kantor));
  // The report receiver stays outside the office's cookies, sessions and CSRF: none of it applies to a bearer token, and it is the hot path (issue 10).
  await app.register(reportsPlugin(kantor));
  await app.register(siteHealthPlugin(kantor));
  const secret = await sessionSecret(kantor.siar);
  await app.register(async (office) => {
    await office.register(authPlugin(kantor, secret));
    await office.register(languagePlugin);
    await office.register(feedPlugin(kantor));
    await office.register(enrollPlugin(kantor, options.enrollAttemptsPerMinute ?? 10));
    await office.register(dashboardPlugin(kantor));
    await office.register(peoplePlugin(kantor));
    await office.register(postsApiPlugin(kantor));
    await office.register(postsPagesPlugin(kantor));
    await office.register(summaryPlugin(kantor));
    await office.register(demoPlugin);
  });
  app.get('/healthz', { helmet: false }, async () => ({ ok: true }));
  return app;
}

/** Starts Siar Kantor; port 0 picks a free one. */
export async function startServer(options: SiarServerOptions): Promise<RunningServer> {
  const kantor = await openKantor(options);
  let app: FastifyInstance;
  try {
    app = await buildApp(kantor, options);
    // A burst of a thousand connections waits in the accept queue, not in SYN retries (Node's default is 511): the admission gate answers them 503.
    await app.listen({ port: options.port, host: options.host, backlog: 4096 });
  } catch (error) {
    await kantor.siar.close();
    throw error;
  }
  const maintenance = await startPartitionMaintenance(kantor.siar, options.retainMonths ?? null);
  const { port } = app.server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    app,
    kantor,
    origin: `http://${host}:${port}`,
    close: async () => {
      maintenance.stop();
      await app.close();
      if (kantor.read !== kantor.siar) await kantor.read.close();
      await kantor.siar.close();
    },
  };
}
