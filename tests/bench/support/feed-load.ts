import autocannon from 'autocannon';
import { spawnServer, stopProcess, type LoadTarget } from './load-target';

export interface FeedResult {
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  notModified: number;
  other: number;
  errors: number;
  /** Bytes read off the socket per answer: status line, headers and body. */
  bytesPerAnswer: number;
}

/** The ETag a client holds after its first fetch of the feed. */
export async function currentEtag(origin: string, path: string): Promise<string> {
  const first = await fetch(new URL(path, origin));
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!first.ok || !etag) throw new Error(`${path} answered ${first.status} without an ETag`);
  return etag;
}

/** Every client's poll of an unchanged feed: GETs with the ETag it holds, answered 304. */
export async function driveFeed(origin: string, path: string, etag: string, connections: number, seconds: number): Promise<FeedResult> {
  const result = await autocannon({
    url: new URL(path, origin).toString(),
    connections,
    duration: seconds,
    headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' },
  });
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const notModified = statuses['304']?.count ?? 0;
  return {
    connections,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    notModified,
    other: result.requests.total - notModified,
    errors: result.errors,
    bytesPerAnswer: result.throughput.total / Math.max(1, result.requests.total),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface FeedComparison {
  siar: FeedResult;
  bare: FeedResult;
  /** Rates of each round, in order: Siar Kantor's and the bare Fastify's. */
  rounds: { siar: number; bare: number }[];
  /** Server CPU per Siar Kantor answer, µs. */
  cpuPerAnswer: number;
}

/**
 * The feed's 304 against a bare Fastify 304 (bare-feed-server.ts) on the same machine in
 * the same run, alternating, `rounds` times each: the load generator shares the cores,
 * so the bare figure says what this machine can do at all. Medians of each; the rest of
 * a result (latency, bytes, counts) is summed or taken from the median round.
 */
export async function compareFeed(target: LoadTarget, connections: number, seconds: number, rounds: number): Promise<FeedComparison> {
  const etag = await currentEtag(target.origin, target.feedPath);
  const bare = await spawnServer(['tests/bench/support/bare-feed-server.ts', etag]);
  try {
    const siarRuns: FeedResult[] = [];
    const bareRuns: FeedResult[] = [];
    let cpu = 0;
    for (let round = 0; round < rounds; round++) {
      const before = target.cpu().server;
      siarRuns.push(await driveFeed(target.origin, target.feedPath, etag, connections, seconds));
      cpu += target.cpu().server - before;
      bareRuns.push(await driveFeed(bare.origin, '/feed.json', etag, connections, seconds));
    }
    const pick = (runs: FeedResult[]): FeedResult => {
      const mid = median(runs.map((run) => run.perSecond));
      const closest = runs.reduce((a, b) => (Math.abs(b.perSecond - mid) < Math.abs(a.perSecond - mid) ? b : a));
      const sum = (key: 'notModified' | 'other' | 'errors') => runs.reduce((total, run) => total + run[key], 0);
      const bytes = Math.max(...runs.map((run) => run.bytesPerAnswer));
      return { ...closest, perSecond: mid, notModified: sum('notModified'), other: sum('other'), errors: sum('errors'), bytesPerAnswer: bytes };
    };
    const siar = pick(siarRuns);
    return {
      siar,
      bare: pick(bareRuns),
      rounds: siarRuns.map((run, i) => ({ siar: run.perSecond, bare: bareRuns[i]!.perSecond })),
      cpuPerAnswer: (cpu * 1e6) / Math.max(1, siar.notModified + siar.other),
    };
  } finally {
    await stopProcess(bare.child);
  }
}
