const nameAndValue = (pair: string): [string, string] => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];

/** A browser-like client for Siar Kantor's staff pages: one session cookie, and the CSRF token of the last form. */
export class StaffClient {
  /** The cookies the server set (the session, the language chosen), by name. */
  cookies = new Map<string, string>();
  csrf = '';

  /** `acceptLanguage`: what the browser asks for (an English-speaking browser sends `en-US,en;q=0.9`). */
  constructor(
    readonly origin: string,
    readonly acceptLanguage?: string,
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set cookie(header: string) {
    this.cookies = new Map(header ? header.split('; ').map(nameAndValue) : []);
  }

  async request(method: string, path: string, body?: Record<string, string> | FormData): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.Cookie = this.cookie;
    if (this.acceptLanguage) headers['Accept-Language'] = this.acceptLanguage;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body).toString();
    }
    const response = await fetch(`${this.origin}${path}`, { method, headers, body: payload, redirect: 'manual' });
    for (const set of response.headers.getSetCookie()) {
      this.cookies.set(...nameAndValue(set.split(';')[0]!));
    }
    return response;
  }

  /** GETs a page and keeps its form's CSRF token. */
  async page(path: string): Promise<{ status: number; html: string }> {
    const response = await this.request('GET', path);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1]!;
    return { status: response.status, html };
  }

  post(path: string, fields: Record<string, string> = {}, withCsrf = true): Promise<Response> {
    return this.request('POST', path, withCsrf ? { _csrf: this.csrf, ...fields } : fields);
  }

  async signIn(name: string, password: string): Promise<Response> {
    await this.page('/login');
    return this.post('/login', { name, password, next: '/dashboard' });
  }
}
