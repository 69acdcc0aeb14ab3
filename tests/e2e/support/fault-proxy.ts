import { EventEmitter } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CORS_HEADERS } from '../../../server/http-helpers';

/**
 * A report receiver that misbehaves on command: a reverse proxy on 127.0.0.1 in front
 * of the real reference server. Feeds and pages always pass; `POST /api/v1/shares`
 * meets the current fault. Every other address is out of bounds (loopback only).
 */
export type Fault =
  /** Forward and answer (a healthy receiver). */
  | 'pass'
  /** Answer 500 without forwarding. */
  | 'error500'
  /** Answer 503 with Retry-After without forwarding. */
  | 'busy503'
  /** Read the request, never answer, never forward: the client's 10 s timeout. */
  | 'hang'
  /** Close the connection as soon as the request arrives: nothing stored. */
  | 'drop'
  /** Forward (the server stores the reports), then close the connection: the answer is lost. */
  | 'drop-after-store'
  /** Forward, then hold the answer until release(): the client's timeout, or a stop mid-send. */
  | 'hold-after-store';

export interface ShareRequest {
  fault: Fault;
  ids: string[];
  /** Resolves when the client's connection closes before an answer reached it. */
  clientGone: Promise<void>;
}

export class FaultProxy extends EventEmitter {
  fault: Fault = 'pass';
  /** A fault per share request, by order of arrival (0-based); else `fault`. */
  schedule = new Map<number, Fault>();
  readonly requests: ShareRequest[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private held: (() => void)[] = [];

  private constructor(
    private readonly target: URL,
    public port: number,
  ) {
    super();
  }

  /** On `port` (a worker's own, the same in each test) when it is free, else on any free one. */
  static async start(target: string, port = 0): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(target), port);
    await proxy.up().catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' || port === 0) throw error;
      proxy.port = 0;
      await proxy.up();
    });
    return proxy;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (again, on the same port once it has one): the receiver comes back. */
  async up(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection: the receiver is down (connection refused). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.release();
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Lets held answers go (to whoever is still listening). */
  release(): void {
    const held = this.held;
    this.held = [];
    held.forEach((go) => go());
  }

  /** Waits for the n-th share request (1-based) to arrive. */
  async waitForRequests(count: number, timeout = 30_000): Promise<ShareRequest> {
    if (this.requests.length < count) {
      // Woken by each arrival ('share', emitted on every request), not by a clock.
      await new Promise<void>((resolve, reject) => {
        const onShare = () => {
          if (this.requests.length < count) return;
          clearTimeout(timer);
          this.off('share', onShare);
          resolve();
        };
        const timer = setTimeout(() => {
          this.off('share', onShare);
          reject(new Error(`only ${this.requests.length} of ${count} share requests arrived`));
        }, timeout);
        this.on('share', onShare);
      });
    }
    return this.requests[count - 1]!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', () => resolve(Buffer.concat(chunks)));
    });
    const isShare = req.method === 'POST' && new URL(req.url ?? '/', this.origin).pathname === '/api/v1/shares';
    if (!isShare) {
      await this.forward(req, body, res);
      return;
    }

    const fault = this.schedule.get(this.requests.length) ?? this.fault;
    let ids: string[] = [];
    try {
      ids = (JSON.parse(body.toString()) as { reports: { id: string }[] }).reports.map((r) => r.id);
    } catch {
      // A malformed body goes to the server as it is.
    }
    let answered = false;
    res.on('finish', () => (answered = true));
    const clientGone = new Promise<void>((resolve) => res.on('close', () => !answered && resolve()));
    this.requests.push({ fault, ids, clientGone });
    this.emit('share', this.requests.at(-1));

    switch (fault) {
      case 'pass':
        await this.forward(req, body, res);
        return;
      // The receiver's own errors carry its CORS headers, as the reference server's do; without
      // them the browser would show the extension a network error instead.
      case 'error500':
        return void res.writeHead(500, { ...CORS_HEADERS, 'Content-Type': 'text/plain' }).end('internal error (fault proxy)');
      case 'busy503':
        return void res.writeHead(503, { ...CORS_HEADERS, 'Retry-After': '3600', 'Content-Type': 'text/plain' }).end('busy (fault proxy)');
      case 'hang':
        return;
      case 'drop':
        return void req.socket.destroy();
      case 'drop-after-store':
        await this.forward(req, body, null);
        return void req.socket.destroy();
      case 'hold-after-store': {
        const answer = await this.forward(req, body, null);
        this.held.push(() => {
          if (!res.destroyed && answer) res.writeHead(answer.status, answer.headers).end(answer.body);
        });
        return;
      }
    }
  }

  /** Sends the request on to the real server; pipes the answer to `res`, or returns it. */
  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse | null) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer } | null>((resolve) => {
      const upstream = request(
        { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const result = { status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) };
            if (res && !res.destroyed) res.writeHead(result.status, result.headers).end(result.body);
            resolve(result);
          });
        },
      );
      upstream.on('error', () => {
        // The real server is down behind the proxy: what a reverse proxy answers (without
        // the application's CORS headers, so the browser reports a network error).
        if (res && !res.destroyed) res.writeHead(502, { 'Content-Type': 'text/plain' }).end('bad gateway (fault proxy)');
        resolve(null);
      });
      upstream.end(body);
    });
  }
}
