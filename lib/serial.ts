/**
 * Runs read-modify-write steps on storage one at a time, so that two handlers
 * in the service worker never overwrite each other's changes.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function runSerially<T>(step: () => Promise<T>): Promise<T> {
    const result = tail.then(step, step);
    tail = result.catch(() => undefined);
    return result;
  };
}
