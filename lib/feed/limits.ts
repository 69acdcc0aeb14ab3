import { FeedRejection } from './types';

/** docs/protocol.md §2.5. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const MAX_FEED_ITEMS = 2000;
export const MAX_STRING_LENGTH = 100_000;

export function checkItemCount(count: number): void {
  if (count > MAX_FEED_ITEMS) throw new FeedRejection('too_many_items', String(count));
}

export function checkStringLength(value: string): void {
  if (value.length > MAX_STRING_LENGTH) {
    throw new FeedRejection('string_too_long', `${value.length}`);
  }
}

/**
 * Every string (keys too) of a parsed JSON or XML value, walked without
 * recursion and without allocating per object (this runs on every fetch).
 */
export function checkJsonStrings(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) checkStringLength(value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      // Parsed JSON and XML objects have own, enumerable properties only.
      for (const key in object) {
        if (key.length > MAX_STRING_LENGTH) checkStringLength(key);
        stack.push(object[key]);
      }
    }
  }
}
