import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { audit } from './audit';
import { parsePeopleCsv, problem, type RowProblem } from './people-csv';
import { hashSecret, newCode, newToken, sameHash } from './secrets';

/** People, their enrollment codes and report tokens (PROTOCOL §6). Codes and tokens are kept only as hashes. */

export const CODE_LIFETIME_MS = 14 * 24 * 3600 * 1000;

export interface Person {
  id: number;
  nip: string;
  name: string;
  unit: string;
}

export interface IssuedCode {
  nip: string;
  name: string;
  unit: string;
  code: string;
}

export class ImportRejected extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.detail}`).join('\n'));
  }
}

export class UnknownPerson extends Error {}

export type EnrollFailure = 'unknown_code' | 'code_used' | 'code_expired' | 'code_revoked' | 'person_revoked';

type Db = Kysely<Database> | Transaction<Database>;

async function issueCode(db: Db, personId: number, now: Date): Promise<string> {
  const code = newCode();
  await db
    .insertInto('enrollment_codes')
    .values({
      person_id: personId,
      code_hash: hashSecret(code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString(),
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return code;
}

/**
 * How long a token's holder is remembered in this process: the receiver's hot path then skips a
 * query per request. A revocation in this process forgets at once; one made by another process
 * (the CLI, a second server) takes effect within this time.
 */
export const TOKEN_CACHE_MS = 2000;

type TokenHolder = { person: Person; revoked: boolean } | null;

export class PeopleStore {
  private tokens = new Map<string, { at: number; holder: TokenHolder }>();
  /** Lookups under way: requests with the same token wait for one query, not one each. */
  private lookups = new Map<string, Promise<TokenHolder>>();
  /** Bumped by a revocation: a lookup started before it does not fill the cache after it. */
  private generation = 0;

  constructor(private readonly db: Kysely<Database>) {}

  /** Imports every row or none: bad rows throw ImportRejected with every problem. */
  async importCsv(text: string, actor: string, now = new Date()): Promise<IssuedCode[]> {
    const { rows, problems } = parsePeopleCsv(text);
    if (problems.length > 0) throw new ImportRejected(problems);
    return this.db.transaction().execute(async (trx) => {
      const existing = new Set<string>();
      for (let i = 0; i < rows.length; i += 500) {
        const nips = rows.slice(i, i + 500).map((r) => r.nip);
        for (const row of await trx.selectFrom('people').select('nip').where('nip', 'in', nips).execute()) existing.add(row.nip);
      }
      const clashes = rows.filter((r) => existing.has(r.nip)).map((r) => problem(r.line, 'already_registered', r.nip));
      if (clashes.length > 0) throw new ImportRejected(clashes);
      const issued: IssuedCode[] = [];
      for (const row of rows) {
        const { id } = await trx
          .insertInto('people')
          .values({ nip: row.nip, name: row.name, unit: row.unit, email: row.email, created_at: now.toISOString(), revoked_at: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        issued.push({ nip: row.nip, name: row.name, unit: row.unit, code: await issueCode(trx, id, now) });
      }
      await audit(trx, { actor, action: 'people.import', subject: `${rows.length} people` });
      return issued;
    });
  }

  async byNip(nip: string): Promise<(Person & { revoked_at: string | null }) | undefined> {
    return this.db.selectFrom('people').select(['id', 'nip', 'name', 'unit', 'revoked_at']).where('nip', '=', nip).executeTakeFirst();
  }

  async list(): Promise<(Person & { revoked_at: string | null; enrolled: number; open_codes: number })[]> {
    const now = new Date().toISOString();
    const rows = await this.db
      .selectFrom('people')
      .select((eb) => [
        'people.id',
        'people.nip',
        'people.name',
        'people.unit',
        'people.revoked_at',
        eb
          .selectFrom('report_tokens')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('report_tokens.person_id', '=', 'people.id')
          .where('report_tokens.revoked_at', 'is', null)
          .as('enrolled'),
        eb
          .selectFrom('enrollment_codes')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('enrollment_codes.person_id', '=', 'people.id')
          .where('enrollment_codes.used_at', 'is', null)
          .where('enrollment_codes.revoked_at', 'is', null)
          .where('enrollment_codes.expires_at', '>', now)
          .as('open_codes'),
      ])
      .orderBy('people.unit')
      .orderBy('people.name')
      .execute();
    return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0), open_codes: Number(r.open_codes ?? 0) }));
  }

  /** A new code for a person; earlier unused codes stop working, and a revoked person is reinstated. */
  async reissue(nip: string, actor: string, now = new Date()): Promise<IssuedCode> {
    return this.db.transaction().execute(async (trx) => {
      const person = await trx.selectFrom('people').selectAll().where('nip', '=', nip).executeTakeFirst();
      if (!person) throw new UnknownPerson(`No person has the NIP ${nip}.`);
      await trx
        .updateTable('enrollment_codes')
        .set({ revoked_at: now.toISOString() })
        .where('person_id', '=', person.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      if (person.revoked_at) await trx.updateTable('people').set({ revoked_at: null }).where('id', '=', person.id).execute();
      await audit(trx, { actor, action: 'people.reissue', subject: nip, before: { revoked_at: person.revoked_at } });
      return { nip, name: person.name, unit: person.unit, code: await issueCode(trx, person.id, now) };
    });
  }

  /** Revokes the person's tokens and open codes: their reports get 401 from now on. */
  async revoke(nip: string, actor: string, now = new Date()): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const person = await trx.selectFrom('people').selectAll().where('nip', '=', nip).executeTakeFirst();
      if (!person) throw new UnknownPerson(`No person has the NIP ${nip}.`);
      const at = now.toISOString();
      await trx.updateTable('people').set({ revoked_at: at }).where('id', '=', person.id).execute();
      await trx.updateTable('report_tokens').set({ revoked_at: at }).where('person_id', '=', person.id).where('revoked_at', 'is', null).execute();
      await trx
        .updateTable('enrollment_codes')
        .set({ revoked_at: at })
        .where('person_id', '=', person.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      await audit(trx, { actor, action: 'people.revoke', subject: nip, before: { revoked_at: person.revoked_at } });
    });
    this.forgetTokens();
  }

  private forgetTokens(): void {
    this.tokens.clear();
    this.lookups.clear();
    this.generation++;
  }

  /** Spends a code once and gives the person a new report token. */
  async enroll(code: string, now = new Date()): Promise<{ ok: true; token: string; person: Person } | { ok: false; reason: EnrollFailure }> {
    const hash = hashSecret(code);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('enrollment_codes')
        .innerJoin('people', 'people.id', 'enrollment_codes.person_id')
        .select([
          'enrollment_codes.id as code_id',
          'enrollment_codes.code_hash',
          'enrollment_codes.expires_at',
          'enrollment_codes.used_at',
          'enrollment_codes.revoked_at',
          'people.id',
          'people.nip',
          'people.name',
          'people.unit',
          'people.revoked_at as person_revoked_at',
        ])
        .where('enrollment_codes.code_hash', '=', hash)
        .executeTakeFirst();
      // Found by its hash; compared again in constant time, so no early exit depends on the code.
      if (!row || !sameHash(row.code_hash, hash)) return { ok: false, reason: 'unknown_code' } as const;
      if (row.person_revoked_at) return { ok: false, reason: 'person_revoked' } as const;
      if (row.revoked_at) return { ok: false, reason: 'code_revoked' } as const;
      if (row.used_at) return { ok: false, reason: 'code_used' } as const;
      if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'code_expired' } as const;
      const spent = await trx
        .updateTable('enrollment_codes')
        .set({ used_at: now.toISOString() })
        .where('id', '=', row.code_id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return { ok: false, reason: 'code_used' } as const;
      const token = newToken();
      await trx
        .insertInto('report_tokens')
        .values({ token_hash: hashSecret(token), person_id: row.id, created_at: now.toISOString(), revoked_at: null })
        .execute();
      await audit(trx, { actor: `person:${row.nip}`, action: 'people.enroll', subject: row.nip });
      return { ok: true, token, person: { id: row.id, nip: row.nip, name: row.name, unit: row.unit } } as const;
    });
  }

  /** The person behind a report token; `revoked` when the office took it back. */
  async tokenHolder(token: string, now = Date.now()): Promise<TokenHolder> {
    const hash = hashSecret(token);
    const cached = this.tokens.get(hash);
    if (cached && now - cached.at < TOKEN_CACHE_MS) return cached.holder;
    const underWay = this.lookups.get(hash);
    if (underWay) return underWay;
    const generation = this.generation;
    const lookup = this.readTokenHolder(hash)
      .then((holder) => {
        if (generation === this.generation) {
          if (this.tokens.size > 10_000) this.tokens.clear();
          this.tokens.set(hash, { at: now, holder });
        }
        return holder;
      })
      .finally(() => {
        if (this.lookups.get(hash) === lookup) this.lookups.delete(hash);
      });
    this.lookups.set(hash, lookup);
    return lookup;
  }

  private async readTokenHolder(hash: string): Promise<{ person: Person; revoked: boolean } | null> {
    const row = await this.db
      .selectFrom('report_tokens')
      .innerJoin('people', 'people.id', 'report_tokens.person_id')
      .select(['report_tokens.token_hash', 'report_tokens.revoked_at', 'people.id', 'people.nip', 'people.name', 'people.unit', 'people.revoked_at as person_revoked_at'])
      .where('report_tokens.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || !sameHash(row.token_hash, hash)) return null;
    return { person: { id: row.id, nip: row.nip, name: row.name, unit: row.unit }, revoked: Boolean(row.revoked_at || row.person_revoked_at) };
  }
}
