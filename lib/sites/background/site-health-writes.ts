import { createSerialQueue } from '../../serial';

/** Every write of the site check's state goes through this one queue: counters and sent marks never overwrite each other. */
export const siteHealthWrites = createSerialQueue();
