import { armEvent, beforePageScripts, HELLO_EVENT, KEY_EVENT, KEY_PATTERN, postEvent } from './page-channel';
import type { PostEndpoint } from '../post-endpoints';

/**
 * Runs in the page's world at `document_start` (see page-channel.ts for the threat
 * model). Wraps fetch and XMLHttpRequest, but looks only at the one post endpoint
 * of this site, and only while the isolated script has armed it after a trusted
 * click: otherwise each call costs one array-length check.
 */

const ARM_MS = 60_000;

export function startPageWatcher(win: Window & typeof globalThis, endpoint: PostEndpoint): void {
  const doc = win.document;
  // Own references, taken before any page script can replace them.
  const listen = win.EventTarget.prototype.addEventListener;
  const unlisten = win.EventTarget.prototype.removeEventListener;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const Custom = win.CustomEvent;
  const { parse, stringify } = win.JSON;
  const Url = win.URL;
  const now = win.Date.now;
  const nativeFetch = win.fetch;
  const textOf = win.Response.prototype.text;
  const cloneOf = win.Response.prototype.clone;
  const Xhr = win.XMLHttpRequest;
  const open = Xhr.prototype.open;
  const send = Xhr.prototype.send;
  const xhrTargets = new WeakMap<XMLHttpRequest, string>();

  let key: string | null = null;
  const armed: { req: string; until: number }[] = [];

  const emit = (detail: string) => key && dispatch.call(doc, new Custom(postEvent(key), { detail }));
  const onArm = (event: Event) => {
    const req = (event as CustomEvent).detail;
    if (typeof req === 'string' && KEY_PATTERN.test(req)) armed.push({ req, until: now() + ARM_MS });
    if (armed.length > 5) armed.shift();
  };
  const onKey = (event: Event) => {
    const value = (event as CustomEvent).detail;
    if (key || typeof value !== 'string' || !KEY_PATTERN.test(value) || !beforePageScripts(doc)) return;
    key = value;
    unlisten.call(doc, KEY_EVENT, onKey);
    listen.call(doc, armEvent(key), onArm);
    emit('');
  };
  listen.call(doc, KEY_EVENT, onKey);
  dispatch.call(doc, new Custom(HELLO_EVENT));

  const watches = (method: string | undefined, target: string): boolean => {
    if (armed.length === 0 || (method ?? 'GET').toUpperCase() !== 'POST') return false;
    try {
      const url = new Url(target, win.location.href);
      const hostOk = endpoint.anyHost ? url.protocol === 'https:' : url.origin === win.location.origin;
      return hostOk && endpoint.path.test(url.pathname);
    } catch {
      return false;
    }
  };
  const answered = (text: unknown) => {
    if (typeof text !== 'string') return;
    let found = null;
    try {
      found = endpoint.extract(parse(text));
    } catch {
      return;
    }
    while (armed.length > 0 && armed[0]!.until < now()) armed.shift();
    const attempt = armed.pop();
    if (found && attempt) emit(stringify({ req: attempt.req, ...found }));
  };

  win.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const pending = nativeFetch.call(this, input, init);
    const target = input instanceof win.Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof win.Request ? input.method : 'GET');
    if (watches(method, target)) {
      pending
        .then((response) => (response.ok ? textOf.call(cloneOf.call(response)) : null))
        .then(answered)
        .catch(() => undefined);
    }
    return pending;
  };

  Xhr.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    xhrTargets.set(this, `${method} ${String(url)}`);
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof Xhr.prototype.open;
  Xhr.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const target = xhrTargets.get(this) ?? '';
    const space = target.indexOf(' ');
    if (watches(target.slice(0, space), target.slice(space + 1))) {
      listen.call(this, 'load', () => {
        if (this.status < 200 || this.status >= 300) return;
        answered(this.responseType === 'json' ? stringify(this.response) : this.responseType === '' || this.responseType === 'text' ? this.responseText : null);
      });
    }
    return send.call(this, body);
  };
}
