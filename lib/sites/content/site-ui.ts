import { SITE_PANEL_CSS, SITE_UI_CSS } from './site-ui-style';

/**
 * Siar's UI on a social site: a `<siar-root>` host with an open shadow root
 * (PROTOCOL §5), the launcher, today's list and a status line. Plain DOM, no
 * framework; feed text only through textContent. Every control hands its event
 * to the caller, which checks `isTrusted` itself.
 */

export interface SiteItemView {
  feedUrl: string;
  itemId: string;
  title: string;
  queued: boolean;
}

export interface SiteUiHandlers {
  onOpen(event: MouseEvent): void;
  onInsert(item: SiteItemView, event: MouseEvent): void;
  onSent(sent: boolean, event: MouseEvent): void;
}

export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class SiteUi {
  readonly host = document.createElement('siar-root');
  private readonly root: ShadowRoot;
  private readonly launcher = el('button', 'launcher');
  private readonly badge = el('span', 'badge');
  private readonly status = el('p', 'status');
  private warning: HTMLParagraphElement | null = null;
  private readonly ask = el('div', 'ask');
  /** Built when the user first opens the list (nothing more is built on the page before). */
  private panelParts: { panel: HTMLDivElement; heading: HTMLHeadingElement; closeButton: HTMLButtonElement; list: HTMLUListElement } | null = null;
  private items: { items: readonly SiteItemView[]; platformName: string } | null = null;
  private t: Translate = (key) => key;
  private readonly bar: HTMLDivElement;

  constructor(private readonly handlers: SiteUiHandlers) {
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = SITE_UI_CSS;
    this.launcher.type = 'button';
    this.launcher.dataset.siarLauncher = '';
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-controls', 'siar-panel');
    this.launcher.append(el('span', 'dot', 'S'), el('span', 'name', 'Siar'));
    this.badge.hidden = true;
    this.launcher.append(this.badge);
    this.launcher.addEventListener('click', (event) => handlers.onOpen(event));
    this.status.setAttribute('role', 'status');
    this.status.hidden = true;
    this.ask.hidden = true;
    // The note sits beside the launcher, so that it never covers the site's post button.
    const bar = el('div', 'bar');
    bar.append(this.launcher, this.status, this.ask);
    this.root.append(style, bar);
    this.bar = bar;
    this.host.addEventListener('keydown', (event) => event.key === 'Escape' && this.toggle(false));
  }

  private panel() {
    if (this.panelParts) return this.panelParts;
    const parts = { panel: el('div', 'panel'), heading: el('h2'), closeButton: el('button', 'close', '×'), list: el('ul') };
    parts.closeButton.type = 'button';
    parts.closeButton.addEventListener('click', () => this.toggle(false));
    const head = el('div', 'head');
    head.append(parts.heading, parts.closeButton);
    parts.panel.id = 'siar-panel';
    parts.panel.setAttribute('role', 'dialog');
    parts.panel.hidden = true;
    parts.panel.append(head, parts.list);
    // The list's own styles come with it: a page where the user never opens Siar parses only the launcher's.
    const style = el('style');
    style.textContent = SITE_PANEL_CSS;
    this.root.append(style, parts.panel);
    this.panelParts = parts;
    this.translatePanel();
    if (this.items) this.renderItems(this.items.items, this.items.platformName);
    return parts;
  }

  private translatePanel(): void {
    if (!this.panelParts) return;
    this.panelParts.heading.textContent = this.t('sitePanelTitle');
    this.panelParts.closeButton.setAttribute('aria-label', this.t('siteClose'));
  }

  setTranslator(t: Translate): void {
    this.t = t;
    this.launcher.setAttribute('aria-label', t('siteLauncherLabel'));
    this.launcher.title = t('siteLauncherLabel');
    this.translatePanel();
  }

  /** By the composer (after `anchor`), or floating at the bottom right. */
  place(anchor: Element | null): void {
    if (anchor) {
      if (this.host.previousElementSibling !== anchor) anchor.after(this.host);
      this.host.removeAttribute('data-floating');
    } else {
      if (this.host.parentElement !== document.body) document.body.append(this.host);
      this.host.setAttribute('data-floating', '');
    }
  }

  isOpen(): boolean {
    return this.panelParts !== null && !this.panelParts.panel.hidden;
  }

  toggle(open: boolean): void {
    if (!open && !this.panelParts) return;
    this.panel().panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
  }

  /** Today's list: kept, and drawn only once the panel exists. */
  showItems(items: readonly SiteItemView[], platformName: string): void {
    const queued = items.filter((item) => item.queued).length;
    this.badge.hidden = queued === 0;
    this.badge.textContent = String(queued);
    this.items = { items, platformName };
    if (this.panelParts) this.renderItems(items, platformName);
  }

  /** "Siar on <site> may be out of date": stays until the site works again. */
  showWarning(text: string | null): void {
    if (text === null) {
      this.warning?.remove();
      this.warning = null;
      return;
    }
    if (!this.warning) {
      this.warning = el('p', 'warning');
      this.warning.dataset.siarSiteWarning = '';
      this.warning.setAttribute('role', 'alert');
      this.launcher.after(this.warning);
    }
    this.warning.textContent = text;
  }

  private renderItems(items: readonly SiteItemView[], platformName: string): void {
    const list = this.panelParts!.list;
    list.replaceChildren();
    if (items.length === 0) {
      list.append(el('p', 'empty', this.t('siteEmpty', platformName)));
      return;
    }
    for (const item of items) {
      const row = el('li', item.queued ? 'queued' : undefined);
      const text = el('div');
      if (item.queued) text.append(el('span', 'tag', this.t('siteQueued')));
      text.append(el('span', 'title', item.title));
      const button = el('button', 'insert', this.t('siteInsert'));
      button.type = 'button';
      button.dataset.siarInsert = item.itemId;
      button.setAttribute('aria-label', `${this.t('siteInsert')}: ${item.title}`);
      button.addEventListener('click', (event) => this.handlers.onInsert(item, event));
      row.append(text, button);
      list.append(row);
    }
  }

  showStatus(kind: 'ok' | 'error' | 'info', text: string): void {
    this.status.className = `status ${kind}`;
    this.status.textContent = text;
    this.status.hidden = false;
    this.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    this.toggle(false);
  }

  /** WhatsApp / Telegram: "was it sent?" after the user sent something. */
  askSent(): void {
    const yes = el('button', 'yes', this.t('siteYesSent'));
    const no = el('button', 'no', this.t('siteNotYet'));
    for (const [button, sent] of [[yes, true], [no, false]] as const) {
      button.type = 'button';
      button.dataset.siarSent = sent ? 'yes' : 'no';
      button.addEventListener('click', (event) => this.handlers.onSent(sent, event));
    }
    this.ask.replaceChildren(el('p', undefined, this.t('siteAskSent')), yes, no);
    this.ask.hidden = false;
    this.status.hidden = true;
    this.toggle(false);
  }

  hideAsk(): void {
    this.ask.hidden = true;
  }

  remove(): void {
    this.host.remove();
  }
}
