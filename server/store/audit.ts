import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Every enrollment, revocation and sign-in change is a row: who, when, and what it was before. */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { actor: string; action: string; subject: string; before?: unknown },
): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
    })
    .execute();
}
