import type { Role } from './db/schema';
import { UserError, type UserStore } from './store/users';

/** `npm start`'s staff, one per role, with passwords printed at start: a demo on loopback only. */
export const DEMO_USERS: { name: string; role: Role; password: string }[] = [
  { name: 'admin', role: 'admin', password: 'siar-demo-admin' },
  { name: 'editor', role: 'editor', password: 'siar-demo-editor' },
  { name: 'approver', role: 'approver', password: 'siar-demo-approver' },
];

export async function seedDemoUsers(users: UserStore): Promise<typeof DEMO_USERS> {
  for (const user of DEMO_USERS) {
    try {
      await users.add(user.name, user.role, user.password, 'npm start');
    } catch (error) {
      // Already there from an earlier run: its password may have been changed since, which is fine.
      if (!(error instanceof UserError)) throw error;
    }
  }
  return DEMO_USERS;
}
