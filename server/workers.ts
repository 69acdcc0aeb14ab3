import cluster, { type Worker } from 'node:cluster';
import { openKantor, startServer, type RunningServer, type SiarServerOptions } from './app';
import type { FeedPublisher } from './feed/feed-publisher';

/**
 * `siar serve --workers N` (issue 15): N processes of Siar Kantor sharing one port
 * (node:cluster). Each is stateless apart from the database, as two instances behind a
 * pooler are. The primary migrates the database (and writes the demo posts) once before
 * any worker starts, starts a new worker when one dies, and passes on the one thing the
 * workers tell each other: "the feed changed" (a post approved or withdrawn), so that no
 * worker answers 304 to a feed that changed in another. Another machine's change is seen
 * within the publisher's memo (2 s) at the latest.
 */

const FEED_CHANGED = 'siar:feed-changed';

interface FeedChanged {
  type: typeof FEED_CHANGED;
}
const isFeedChanged = (message: unknown): message is FeedChanged => (message as FeedChanged | null)?.type === FEED_CHANGED;

/** In a worker: tell the others when this one's feed changes, and forget ours when theirs does. */
export function shareFeedChanges(feed: FeedPublisher, channel: NodeJS.Process = process): void {
  feed.onInvalidate(() => channel.send?.({ type: FEED_CHANGED } satisfies FeedChanged));
  channel.on('message', (message: unknown) => {
    if (isFeedChanged(message)) feed.forget();
  });
}

export async function serveWithWorkers(options: SiarServerOptions, count: number, announce: (running: RunningServer) => Promise<void>): Promise<void> {
  if (cluster.isPrimary) return runPrimary(options, count);
  const running = await startServer({ ...options, seedDemoPosts: false });
  shareFeedChanges(running.kantor.feed);
  if (cluster.worker?.id === 1) await announce(running);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
}

async function runPrimary(options: SiarServerOptions, count: number): Promise<void> {
  // Migrations once, before the workers: N processes migrating at once would race.
  const kantor = await openKantor(options);
  if (kantor.read !== kantor.siar) await kantor.read.close();
  await kantor.siar.close();

  let stopping = false;
  const workers = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isFeedChanged(message)) return;
      for (const other of workers) if (other !== worker && other.isConnected()) other.send(message);
    });
    worker.on('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) {
        if (workers.size === 0) process.exit(0);
        return;
      }
      console.error(`Siar Kantor: worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      fork();
    });
  };
  for (let n = 0; n < count; n++) fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
    });
  }
}
