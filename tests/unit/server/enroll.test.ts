import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKeys, privateKeyFromText } from '../../../server/signing';
import { CODE_LIFETIME_MS, ImportRejected } from '../../../server/store/people';
import { DATABASES } from './databases';
import { makeReport } from './report-fixture';
import { clearTables, nipOf, startKantor, type TestKantor } from './test-server';

// Real servers on real databases (scrypt, fsync) on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** PROTOCOL §6 and the people CSV (issue 10), on both databases. */
describe.each(DATABASES)('people and enrollment on %s', (kind) => {
  let server: TestKantor;
  const keys = generateSigningKeys();
  const enroll = (code: string, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.1', ...headers },
      body: JSON.stringify({ code, client: { name: 'siar', version: '1.0.0' } }),
    });
  const people = () => server.kantor.siar.db.selectFrom('people').selectAll().orderBy('nip').execute();

  beforeAll(async () => {
    // Many enrollments from one address in this file: the guessing limit has its own test below.
    server = await startKantor(kind, { signingKey: privateKeyFromText(keys.privateKey), enrollAttemptsPerMinute: 1000 });
  });
  beforeEach(() => clearTables(server));
  afterAll(() => server.stop());

  it('imports people, and a code enrolls once: token, reporter and feeds; then 410 code_used', async () => {
    const [budi] = await server.kantor.people.importCsv(`nip,name,unit,email\n${nipOf(1)},Budi Santoso,Diskominfo,budi@example.go.id\n`, 'test');
    const first = await enroll(`${server.origin}/daftar#${budi!.code}`);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toEqual({
      token: expect.stringMatching(/^[\w-]{40,}$/),
      reporter: { id: nipOf(1), name: 'Budi Santoso', unit: 'Diskominfo' },
      feeds: [{ url: `${server.origin}/feed.json`, public_key: keys.publicKey, report_url: `${server.origin}/api/v1/shares` }],
    });
    const report = await fetch(answer.feeds[0].report_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${answer.token}` },
      body: JSON.stringify({ reports: [makeReport({ reporter: answer.reporter })] }),
    });
    expect(report.status).toBe(200);
    const again = await enroll(budi!.code);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ reason: 'code_used', message: expect.stringContaining('sudah dipakai') });
  });

  it('410 for an unknown, an expired, a re-issued and a revoked code', async () => {
    expect(await (await enroll('tidak-ada')).json()).toMatchObject({ reason: 'unknown_code' });
    const [old] = await server.kantor.people.importCsv(`${nipOf(1)},Budi,Unit\n`, 'test', new Date(Date.now() - CODE_LIFETIME_MS - 1000));
    const expired = await enroll(old!.code);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ reason: 'code_expired' });
    const fresh = await server.kantor.people.reissue(nipOf(1), 'test');
    const [, siti] = await server.kantor.people.importCsv(`${nipOf(3)},Andi,Unit\n${nipOf(2)},Siti,Unit\n`, 'test');
    const replaced = await server.kantor.people.reissue(nipOf(2), 'test');
    expect(await (await enroll(siti!.code)).json()).toMatchObject({ reason: 'code_revoked' });
    await server.kantor.people.revoke(nipOf(1), 'test');
    expect(await (await enroll(fresh.code)).json()).toMatchObject({ reason: 'person_revoked' });
    expect((await enroll(replaced.code)).status).toBe(200);
  });

  it('keeps codes and tokens only as hashes', async () => {
    const [budi] = await server.kantor.people.importCsv(`${nipOf(1)},Budi,Unit\n`, 'test');
    const { token } = await (await enroll(budi!.code)).json();
    const db = server.kantor.siar.db;
    const everything = JSON.stringify([
      await db.selectFrom('enrollment_codes').selectAll().execute(),
      await db.selectFrom('report_tokens').selectAll().execute(),
      await db.selectFrom('audit').selectAll().execute(),
    ]);
    expect(everything).not.toContain(budi!.code);
    expect(everything).not.toContain(token);
  });

  it('reports every bad line with its number and reason, and imports nothing', async () => {
    const csv = [
      'nip,name,unit',
      `${nipOf(1)},Budi,Diskominfo`,
      '12345,Pendek,Unit',
      `${nipOf(1)},Budi lagi,Diskominfo`,
      `${nipOf(4)},Tanpa Unit,`,
      `${nipOf(5)},"<script>x</script>'; DROP TABLE people; --",Humas,bukan-surel`,
    ].join('\n');
    let rejected: ImportRejected | undefined;
    try {
      await server.kantor.people.importCsv(csv, 'test');
    } catch (error) {
      rejected = error as ImportRejected;
    }
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect(rejected!.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'bad_nip'],
      [4, 'duplicate_nip'],
      [5, 'missing_unit'],
      [6, 'bad_email'],
    ]);
    expect(await people()).toEqual([]);
  });

  it.each([
    ['a short NIP', `12345,Budi,Unit\n`, [[1, 'bad_nip']]],
    ['a duplicate NIP', `${nipOf(1)},Budi,Unit\n${nipOf(2)},Siti,Unit\n${nipOf(1)},Budi,Unit\n`, [[3, 'duplicate_nip']]],
    ['a missing unit', `${nipOf(1)},Budi,\n${nipOf(2)},Siti,Unit\n`, [[1, 'missing_unit']]],
    ['too few columns', `${nipOf(1)},Budi\n`, [[1, 'bad_columns']]],
    ['a bad e-mail', `${nipOf(1)},Budi,Unit,budi\n`, [[1, 'bad_email']]],
    ['an unclosed quote', `${nipOf(1)},Budi,Unit\n"${nipOf(2)},Siti,Unit\n`, [[2, 'malformed_csv']]],
    ['an empty file', ``, [[0, 'empty_file']]],
  ])('names %s with its line, and imports nothing', async (_label, csv, expected) => {
    await expect(server.kantor.people.importCsv(csv, 'test')).rejects.toMatchObject({ problems: expected.map(([line, reason]) => ({ line, reason })) });
    expect(await people()).toEqual([]);
  });

  it('refuses an NIP that is registered already, importing nothing of that file', async () => {
    await server.kantor.people.importCsv(`${nipOf(1)},Budi,Unit\n`, 'test');
    await expect(server.kantor.people.importCsv(`${nipOf(2)},Siti,Unit\n${nipOf(1)},Budi,Unit\n`, 'test')).rejects.toMatchObject({
      problems: [{ line: 2, reason: 'already_registered' }],
    });
    expect((await people()).map((p) => p.nip)).toEqual([nipOf(1)]);
  });

  it('stores HTML- and SQL-looking names as typed', async () => {
    const name = `<img src=x onerror=alert(1)>'); DROP TABLE people; --`;
    await server.kantor.people.importCsv(`${nipOf(1)},"${name.replace(/"/g, '""')}",Unit\n`, 'test');
    expect((await people())[0]).toMatchObject({ name });
  });

  it('rate-limits code guessing per address: 10 a minute', async () => {
    const guarded = await startKantor(kind);
    try {
      const guess = (code: string) =>
        fetch(`${guarded.origin}/api/v1/enroll`, {
          method: 'POST',
          // X-Forwarded-For from an untrusted peer changes nothing: the limiter keys on the peer address.
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.0.0.${code.length}` },
          body: JSON.stringify({ code }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await guess(`tebakan-${'x'.repeat(i)}`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(410));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const limited = await guess('lagi');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ reason: 'rate_limited' });
    } finally {
      await guarded.stop();
    }
  });
});
