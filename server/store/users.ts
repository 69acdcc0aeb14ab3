import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { audit } from './audit';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './secrets';

/** Office staff who sign in: admins, editors and approvers. */

export const ROLES: readonly Role[] = ['admin', 'editor', 'approver'];
export const MIN_PASSWORD_LENGTH = 10;
/** Failed sign-ins allowed per account, and per address, in the window below. */
export const LOGIN_FAILURES_ALLOWED = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface User {
  id: number;
  name: string;
  role: Role;
}

export class UserError extends Error {}

export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(name: string, role: Role, password: string, actor: string): Promise<User> {
    if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(name)) throw new UserError('A user name is 2–64 letters, digits, dots, dashes or underscores.');
    if (!ROLES.includes(role)) throw new UserError(`A role is one of ${ROLES.join(', ')}.`);
    if (password.length < MIN_PASSWORD_LENGTH) throw new UserError(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (await this.db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()) {
      throw new UserError(`The user ${name} exists already.`);
    }
    const now = new Date().toISOString();
    const { id } = await this.db
      .insertInto('users')
      .values({ name, role, password_hash: await hashPassword(password), created_at: now, password_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(this.db, { actor, action: 'user.add', subject: `${name} (${role})` });
    return { id, name, role };
  }

  async byId(id: number): Promise<User | undefined> {
    return this.db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', id).executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Recent failures for this account or from this address, whichever is higher. */
  async recentFailures(account: string, address: string, now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
    const count = async (column: 'account' | 'address', value: string) => {
      const row = await this.db
        .selectFrom('login_failures')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where(column, '=', value)
        .where('at', '>', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    return Math.max(await count('account', account.toLowerCase()), await count('address', address));
  }

  /** The user when the password is right; a failure is recorded for throttling. */
  async signIn(name: string, password: string, address: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    // Without the account, still spend a hash: the answer's time says nothing about which names exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (row && ok) return { id: row.id, name: row.name, role: row.role };
    await this.db.insertInto('login_failures').values({ account: name.toLowerCase(), address, at: new Date().toISOString() }).execute();
    return null;
  }

  async changePassword(id: number, current: string, next: string): Promise<void> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await verifyPassword(current, row.password_hash))) throw new UserError('wrong_password');
    if (next.length < MIN_PASSWORD_LENGTH) throw new UserError('short_password');
    await this.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(next), password_changed_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(this.db, { actor: row.name, action: 'user.password', subject: row.name });
  }
}
