import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type AnySchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import { decodeProtectedHeader } from 'jose';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/lib/feed/parse-feed';
import { selectTodayItems } from '@/lib/feed/today';
import { parseManagedPolicy } from '@/lib/policy';
import { sendBatch } from '@/lib/reports/send-batch';
import { PLATFORM_IDS } from '@/lib/share/platforms';
import { reportJsonSchema, sharesRequestSchema } from '@/server/report-schema';
import {
  FEED_STATEMENT_MAX_LIFETIME_S,
  FEED_STATEMENT_TYPE,
  feedStatement,
  generateSigningKeys,
  privateKeyFromText,
  signFeedStatement,
} from '@/server/signing';
import { sourceFiles } from '../source-files';

/**
 * docs/protocol.md is what outside implementers read; its examples are run through the
 * code's own parsers and schemas here, so that the document cannot drift from the code.
 */

const ROOT = join(import.meta.dirname, '../../..');
const DOC = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');
const FEED_URL = 'https://siar.example.go.id/feed.json';

/** Every ```json block, by the `<!-- example: name -->` comment right before it. */
function jsonExamples(markdown: string): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  for (const match of markdown.matchAll(/<!-- example: ([\w-]+) -->\n```json\n([\s\S]*?)\n```/g)) {
    examples.set(match[1]!, JSON.parse(match[2]!));
  }
  return examples;
}

const examples = jsonExamples(DOC);
function example(name: string): unknown {
  const value = examples.get(name);
  if (value === undefined) throw new Error(`docs/protocol.md has no example named ${name}`);
  return value;
}
function exampleText(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(DOC);
  if (!match) throw new Error(`docs/protocol.md has no example named ${name}`);
  return match[1]!;
}

/** The text of one `## n.` section. */
function section(number: number): string {
  const start = DOC.indexOf(`\n## ${number}. `);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end === -1 ? undefined : end);
}

/** The backquoted names in the first column of a section's tables. */
function tableKeys(text: string): Set<string> {
  return new Set([...text.matchAll(/^\| `([\w-]+)`/gm)].map((m) => m[1]!));
}

describe('docs/protocol.md', () => {
  it('tags every JSON example, and each one is valid JSON', () => {
    const fenced = DOC.match(/```json\n/g) ?? [];
    expect(fenced.length).toBeGreaterThan(0);
    expect(examples.size).toBe(fenced.length);
  });

  describe('§2 feed', () => {
    it('the full feed goes through the real parser with every item intact', () => {
      const text = exampleText('feed');
      const feed = parseFeed(text, FEED_URL);
      expect(feed).toMatchObject({ format: 'json', siar: true, skippedItems: 0, timezone: 'Asia/Jakarta' });
      expect(feed.reportUrl).toBe('https://siar.example.go.id/api/v1/shares');
      const documented = (example('feed') as { items: { id: string }[] }).items;
      expect(feed.items.map((item) => item.id)).toEqual(documented.map((item) => item.id));
      const saik = feed.items[0]!;
      expect(saik.approved).toBe(true);
      expect(saik.captions.x).toHaveLength(2);
      expect(saik.platforms).toEqual(['x', 'facebook', 'instagram', 'whatsapp']);
      expect(saik.priority).toBe(10);
    });

    it("both items are today's on the day the example is dated, by priority", () => {
      const feed = parseFeed(exampleText('feed'), FEED_URL);
      const now = new Date('2026-11-26T10:00:00+07:00');
      const shown = selectTodayItems([{ subscription: { url: FEED_URL, source: 'user' }, feed }], now);
      expect(shown.map((entry) => entry.item.id)).toEqual(['saik-2019-pembukaan', 'gpr-tantangan']);
      expect(selectTodayItems([{ subscription: { url: FEED_URL, source: 'user' }, feed }], new Date('2026-11-27T10:00:00+07:00'))).toEqual([]);
    });

    it('documents every field of _siar that the parser reads', async () => {
      const { siarFeedSchema, siarItemSchema } = await import('@/lib/feed/json-feed-schema');
      const documented = tableKeys(section(2));
      for (const key of [...Object.keys(siarFeedSchema.entries), ...Object.keys(siarItemSchema.entries)]) {
        expect(documented, key).toContain(key);
      }
    });
  });

  describe('§2.6 signed statement', () => {
    // No v2 verifier in the extension yet: the shape is the protocol's, written as a schema here,
    // and the fields and header are those the reference signer (server/signing.ts) makes.
    const payloadSchema = v.strictObject({
      url: v.pipe(v.string(), v.url()),
      sha256: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'base64url of 32 bytes, no padding')),
      iat: v.pipe(v.number(), v.integer()),
      exp: v.pipe(v.number(), v.integer()),
      seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
    });

    it('the payload has the protocol shape and a lifetime within 48 hours', () => {
      const payload = v.parse(payloadSchema, example('statement-payload'));
      expect(payload.url).toBe(FEED_URL);
      expect(payload.exp).toBeGreaterThan(payload.iat);
      expect(payload.exp - payload.iat).toBeLessThanOrEqual(FEED_STATEMENT_MAX_LIFETIME_S);
    });

    it('the header and payload fields are what the reference signer produces', async () => {
      const made = feedStatement({ url: FEED_URL, body: new TextEncoder().encode(exampleText('feed')), seq: 1412 });
      expect(Object.keys(example('statement-payload') as object).sort()).toEqual(Object.keys(made).sort());
      const key = privateKeyFromText(generateSigningKeys().privateKey);
      const jws = await signFeedStatement(key, made);
      expect(decodeProtectedHeader(jws)).toEqual(example('statement-header'));
      expect((example('statement-header') as { typ: string }).typ).toBe(FEED_STATEMENT_TYPE);
    });
  });

  describe('§3 reports', () => {
    it('the report request passes the receiver’s own schema', () => {
      // The receiver's own JSON schema, compiled as Fastify compiles it (ajv with formats).
      const validate = addFormats(new Ajv({ allErrors: true })).compile(sharesRequestSchema);
      expect(validate(example('report-request')), JSON.stringify(validate.errors)).toBe(true);
    });

    it('every report in the example carries every field, and the table documents them all', () => {
      const fields = [...reportJsonSchema.required].sort();
      for (const report of (example('report-request') as { reports: object[] }).reports) {
        expect(Object.keys(report).sort()).toEqual(fields);
      }
      const documented = tableKeys(section(3));
      for (const field of fields) expect(documented, field).toContain(field);
    });

    it('lists the platform ids the code knows, in order', () => {
      const listed = /### 3\.1 Platforms\n\n([\s\S]*?)\n\n/.exec(DOC)![1]!;
      expect([...listed.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual([...PLATFORM_IDS]);
    });

    it('the response is read by the extension’s sender as documented', async () => {
      const answer = example('report-response') as { accepted: string[]; duplicate: string[]; rejected: unknown[] };
      const respond = (async () => new Response(JSON.stringify(answer), { status: 200 })) as typeof fetch;
      const outcome = await sendBatch('https://siar.example.go.id/api/v1/shares', [], 'token', respond);
      expect(outcome).toEqual({ kind: 'answered', ...answer });
    });
  });

  describe('§4 managed policy', () => {
    const fileSchema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as AnySchemaObject;
    const docSchema = example('managed-schema') as AnySchemaObject;
    const policy = example('policy') as Record<string, unknown>;

    it('public/managed_schema.json accepts the example policy (as browsers check it)', () => {
      const validate = new Ajv({ allErrors: true }).compile(fileSchema);
      expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    });

    it('the documented schema accepts it too, and refuses a wrong type', () => {
      const validate = new Ajv({ allErrors: true }).compile(docSchema);
      expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...policy, report_tokens: { 'https://siar.example.go.id': 42 } })).toBe(false);
      expect(validate({ ...policy, locked: 'yes' })).toBe(false);
    });

    it('the documented schema declares every key of public/managed_schema.json, with the same type', () => {
      const walk = (file: AnySchemaObject, doc: AnySchemaObject | undefined, path: string): void => {
        expect(doc, path).toBeDefined();
        expect(doc!.type, path).toBe(file.type);
        for (const [key, child] of Object.entries((file.properties ?? {}) as Record<string, AnySchemaObject>)) {
          walk(child, (doc!.properties as Record<string, AnySchemaObject> | undefined)?.[key], `${path}.${key}`);
        }
        if (file.items) walk(file.items as AnySchemaObject, doc!.items as AnySchemaObject | undefined, `${path}[]`);
      };
      walk(fileSchema, docSchema, 'policy');
    });

    it('the key table documents every key of the schema, and §1 every subscription field', () => {
      const properties = docSchema.properties as Record<string, AnySchemaObject>;
      const policyKeys = tableKeys(section(4));
      for (const key of Object.keys(properties)) expect(policyKeys, key).toContain(key);
      const subscriptionFields = tableKeys(section(1));
      for (const key of Object.keys((properties.feeds!.items as AnySchemaObject).properties as object)) {
        expect(subscriptionFields, key).toContain(key);
      }
    });

    it('the extension’s policy reader takes the example whole', () => {
      const parsed = parseManagedPolicy(policy);
      expect(parsed.feeds.map((feed) => feed.url)).toEqual(['https://siar.example.go.id/feed.json', 'https://pemda.example.go.id/feed/']);
      expect(parsed.feeds[0]).toMatchObject({ public_key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), timezone: 'Asia/Jakarta' });
      expect(parsed.reporter).toEqual(policy.reporter);
      expect(parsed.reportToken).toBe(policy.report_token);
      expect(parsed.mastodonInstances).toEqual(policy.mastodon_instances);
      expect(parsed.locked).toBe(true);
    });
  });

  describe('§6 enrollment', () => {
    // The office's enroll route and the extension's enrollment are written against these
    // shapes (docs/protocol.md §6); here they are the protocol's, as schemas.
    const client = v.strictObject({ name: v.string(), version: v.string() });
    const requestSchema = v.strictObject({ code: v.pipe(v.string(), v.minLength(1)), client });
    const answerSchema = v.strictObject({
      token: v.pipe(v.string(), v.minLength(1)),
      reporter: v.strictObject({ id: v.string(), name: v.string(), unit: v.string() }),
      feeds: v.array(v.looseObject({ url: v.pipe(v.string(), v.url()) })),
    });
    const goneSchema = v.strictObject({ reason: v.pipe(v.string(), v.minLength(1)) });

    it('the request, the answer and the 410 have the protocol shapes', () => {
      expect(() => v.parse(requestSchema, example('enroll-request'))).not.toThrow();
      expect(() => v.parse(answerSchema, example('enroll-answer'))).not.toThrow();
      expect(() => v.parse(goneSchema, example('enroll-gone'))).not.toThrow();
    });

    it('the answer’s feeds are subscriptions the extension’s policy reader accepts', () => {
      const feeds = (example('enroll-answer') as { feeds: unknown[] }).feeds;
      expect(parseManagedPolicy({ feeds }).feeds).toHaveLength(feeds.length);
    });
  });

  describe('§5 hooks', () => {
    it('every data-siar-* attribute the extension sets is documented, as stable or as internal', () => {
      const documented = new Set([...section(5).matchAll(/data-siar-[a-z-]+/g)].map((m) => m[0]));
      const used = new Set<string>();
      for (const file of ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/data-siar-[a-z-]+/g)) used.add(m[0]);
        for (const m of text.matchAll(/dataset\.siar([A-Z]\w*)/g)) {
          used.add(`data-siar-${m[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).slice(1)}`);
        }
      }
      expect(used.size).toBeGreaterThan(10);
      for (const hook of used) expect(documented, hook).toContain(hook);
    });

    it('names the share list /shares.html, which the build has', () => {
      expect(section(5)).toContain('/shares.html');
      expect(readdirSync(join(ROOT, 'entrypoints'))).toContain('shares');
    });
  });
});
