import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<number, number>;
  /** Answer bodies of the 200s, for checks. */
  answers: string[];
}

/**
 * Sends every body once, as POSTs over `concurrency` keep-alive connections, and
 * measures the wall time. Bounded: bodies.length requests, each with a 10 s timeout.
 */
export async function runLoad(url: string, bodies: readonly Buffer[], concurrency: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses: Record<number, number> = {};
  const answers: string[] = [];
  let next = 0;
  const send = (body: Buffer) =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode === 200) answers.push(Buffer.concat(chunks).toString());
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < bodies.length) await send(bodies[next++]!);
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  return { requests: bodies.length, seconds, perSecond: bodies.length / seconds, statuses, answers };
}
