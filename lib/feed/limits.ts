import { FeedRejection } from './types';

/** PROTOCOL §2.5. */
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

/** Every string (keys too) of a parsed JSON or XML value, walked without recursion. */
export function checkJsonStrings(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') checkStringLength(value);
    else if (Array.isArray(value)) for (const child of value) stack.push(child);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        checkStringLength(key);
        stack.push(child);
      }
    }
  }
}
