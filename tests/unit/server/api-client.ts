import type { Role } from '../../../server/db/schema';
import type { TestKantor } from './test-server';

/** A signed-in member of the office's staff, as a browser would be: a session cookie and its CSRF token. */
export class ApiClient {
  private cookies = new Map<string, string>();
  csrf = '';
  id = 0;

  constructor(
    private readonly server: TestKantor,
    readonly name: string,
  ) {}

  static async signIn(server: TestKantor, name: string, role: Role): Promise<ApiClient> {
    const password = `rahasia-${name}-123`;
    await server.kantor.users.add(name, role, password, 'test');
    const client = new ApiClient(server, name);
    const form = await client.request('GET', '/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const login = await client.request('POST', '/login', new URLSearchParams({ name, password, _csrf: token }).toString(), 'application/x-www-form-urlencoded');
    if (login.status !== 303) throw new Error(`sign-in failed: ${login.status}`);
    const session = await (await client.request('GET', '/api/v1/session')).json();
    client.csrf = session.csrf;
    client.id = session.user.id;
    return client;
  }

  async request(method: string, path: string, body?: string | FormData, type?: string): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (type) headers['content-type'] = type;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.server.origin}${path}`, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [key, ...value] = pair!.split('=');
      this.cookies.set(key!.trim(), value.join('='));
    }
    return response;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  async json(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
}
