import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, sendJson } from './http-helpers';

/**
 * A MINIMAL enrollment endpoint (PROTOCOL §6) for the reference server, so that the
 * extension's enrollment can be tested end to end. TO BE REPLACED by Siar Kantor's
 * (issue 10: people, per-person tokens, audit rows, rate limits, revocation). It keeps
 * codes as SHA-256 hashes, compares them in constant time, and makes each code single-use
 * and valid for 14 days; tokens it issues join the server's accepted tokens.
 */

export interface EnrollmentCode {
  code: string;
  reporter: { id: string; name: string; unit: string };
}

interface Pending {
  hash: Buffer;
  reporter: EnrollmentCode['reporter'];
  expiresAt: number;
  used: boolean;
}

const CODE_LIFETIME_MS = 14 * 24 * 3600 * 1000;
const hash = (code: string) => createHash('sha256').update(code, 'utf8').digest();

export class EnrollmentDesk {
  private readonly pending: Pending[];

  constructor(
    codes: readonly EnrollmentCode[],
    /** Accepted bearer tokens of the report API; enrolled tokens are added here. */
    readonly tokens: Set<string>,
    /** The feeds an enrolled person is subscribed to, for the origin they enrolled at. */
    private readonly feedsFor: (origin: string) => { url: string; public_key?: string; report_url: string }[],
    now = Date.now(),
  ) {
    this.pending = codes.map(({ code, reporter }) => ({ hash: hash(code), reporter, expiresAt: now + CODE_LIFETIME_MS, used: false }));
  }

  /** The person's record and a new token, or null for a used, unknown or expired code. */
  take(code: string, now = Date.now()): { token: string; reporter: EnrollmentCode['reporter'] } | null {
    const candidate = hash(code);
    // Every entry is compared, each in constant time: the answer's timing says nothing of the codes.
    let found: Pending | null = null;
    for (const entry of this.pending) if (timingSafeEqual(entry.hash, candidate)) found = entry;
    if (!found || found.used || found.expiresAt <= now) return null;
    found.used = true;
    const token = randomBytes(32).toString('base64url');
    this.tokens.add(token);
    return { token, reporter: found.reporter };
  }

  async handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { error: 'send application/json' });
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8'));
    } catch (error) {
      return sendJson(res, error instanceof BodyTooLarge ? 413 : 400, { error: 'a JSON body { code, client } is expected' });
    }
    const code = (body as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || code.length === 0 || code.length > 200) return sendJson(res, 400, { error: 'code must be a string' });
    const taken = this.take(code);
    if (!taken) return sendJson(res, 410, { reason: 'code_used_unknown_or_expired' });
    sendJson(res, 200, { token: taken.token, reporter: taken.reporter, feeds: this.feedsFor(origin) });
  }
}
