import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { sendToBackground } from './to-background';
import { PLATFORM_NAMES } from '../../share/platforms';
import { rescanShadowRoots } from '../shadow-roots';
import type { SiteStep } from '../site-check';
import { watchComposers } from './composer-watch';
import { readEditorText } from '../editor-text';
import { insertCaption } from './insert-text';
import { openPageChannel, type PageChannel } from './page-channel';
import { putImage } from './put-image';
import type { SitePageState } from '../site-messages';
import type { SiteTextKey } from '../site-text';
import { SiteUi, type SiteItemView } from './site-ui';
import type { FoundComposer, PostAnswer, SiteAdapter, SubmitAttempt } from '../types';

/**
 * A social site's content script: Siar's button by the composer, insertion on a
 * trusted click, and the report once the site accepted the post. Called at
 * `document_start` (the page-world channel must be opened before page scripts run).
 */

const ATTEMPT_MS = 30_000;
const POLL_MS = 250;
/** How long a page signal waits for the API answer, which carries the better link. */
const API_GRACE_MS = 2500;

interface Attempt extends SubmitAttempt {
  req: string | null;
  /** The composer's text at the submit: the background checks that it carries the item. */
  postedText: string | null;
  pageResult: { url: string | null; at: number } | null;
  timer: ReturnType<typeof setInterval>;
}

export function runSite(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const platformName = PLATFORM_NAMES[adapter.platform];
  let attempt: Attempt | null = null;
  let state: SitePageState | null = null;
  let composer: FoundComposer | null = null;
  /** Chats: what the user sent, until they answer "sudah terkirim?". */
  let sentText: string | null = null;

  const channel: PageChannel | null =
    adapter.signal === 'network' ? openPageChannel(document, (req, answer) => onAnswer(req, answer)) : null;

  // Before the background answered (or when it cannot), the browser's own language.
  const t = (key: SiteTextKey, ...subs: (string | number)[]) =>
    (state?.texts[key] ?? (browser.i18n.getMessage(key) || key)).replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));

  const ui = new SiteUi({
    onOpen(event) {
      if (!event.isTrusted) return;
      const open = !ui.isOpen();
      ui.toggle(open);
      if (open) void refresh();
    },
    onInsert(item, event) {
      if (event.isTrusted) void insertItem(item);
    },
    onSent(sent, event) {
      if (!event.isTrusted) return;
      ui.hideAsk();
      if (sent) void report('siteConfirmSent', null, sentText);
    },
  });

  async function refresh(): Promise<void> {
    try {
      state = await sendToBackground('siteListItems', { platform: adapter.platform });
    } catch {
      ui.showStatus('error', t('siteUnavailable'));
      return;
    }
    ui.setTranslator(t as (key: string, ...subs: (string | number)[]) => string);
    ui.showItems(state.items, platformName);
    ui.showWarning(state.outdated ? t('siteOutdated', platformName) : null);
  }

  /** The site check (lib/sites/site-check.ts): one step worked or not; counters only. */
  function countStep(step: SiteStep, ok: boolean): void {
    void sendToBackground('siteStep', { platform: adapter.platform, step, ok })
      .then(({ outdated }) => ui.showWarning(outdated ? t('siteOutdated', platformName) : null))
      .catch(() => undefined);
  }
  const hasPermalink = adapter.signal === 'network' || adapter.candidates.permalink.length > 0;

  async function insertItem(item: SiteItemView): Promise<void> {
    const ref = { feedUrl: item.feedUrl, itemId: item.itemId, platform: adapter.platform };
    rescanShadowRoots(true);
    let found = adapter.findComposer(document);
    // Instagram: before the caption box exists, the image goes in first.
    const fileInput = found ? null : (adapter.findFileInput?.(document) ?? null);
    if (!found && !fileInput) {
      countStep('composer', false);
      return ui.showStatus('error', t('siteNoComposer'));
    }
    let answer;
    try {
      answer = await sendToBackground('siteInsertRequest', ref);
    } catch {
      return ui.showStatus('error', t('siteUnavailable'));
    }
    if (!answer.ok) {
      void refresh();
      return ui.showStatus('error', t('siteItemGone', platformName));
    }
    if (state) state.carried = { feedUrl: item.feedUrl, itemId: item.itemId, method: 'composer', stage: 'inserted' };
    if (fileInput) {
      const image = await sendToBackground('siteImageRequest', ref).catch(() => null);
      if (!image || !putImage(fileInput, image)) return ui.showStatus('error', t('siteImageFailed'));
      found = await waitForComposer();
      if (!found) {
        countStep('composer', false);
        return ui.showStatus('info', t('siteImageInserted'));
      }
    }
    if (!found) return ui.showStatus('error', t('siteNoComposer'));
    countStep('composer', true);
    composer = found;
    const outcome = await insertCaption(found.editor, answer.caption, adapter.insertWith);
    countStep('caption', outcome.ok);
    void refresh();
    if (outcome.ok) return ui.showStatus('ok', t(fileInput ? 'siteInsertedWithImage' : 'siteInserted'));
    const copied = await navigator.clipboard.writeText(answer.caption).then(
      () => true,
      () => false,
    );
    ui.showStatus('error', t(copied ? 'siteInsertFailed' : 'siteInsertFailedNoCopy'));
  }

  async function waitForComposer(timeoutMs = 10_000): Promise<FoundComposer | null> {
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      const found = adapter.findComposer(document);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return null;
  }

  function beginAttempt(): void {
    endAttempt();
    const startedAt = Date.now();
    // Read now: the site empties its composer as soon as it takes the post (wherever it is:
    // the user's own click on a submit control is rare enough to walk the shadow roots for).
    rescanShadowRoots(true);
    composer = adapter.findComposer(document) ?? composer;
    const current: Attempt = {
      req: channel?.arm() ?? null,
      startedAt,
      composer,
      postedText: composer?.editor.isConnected ? readEditorText(composer.editor) : null,
      before: adapter.rememberBeforeSubmit?.(document),
      pageResult: null,
      timer: setInterval(() => pollAttempt(current), POLL_MS),
    };
    attempt = current;
    // Kept by the background now: if the tab closes before the site answers, the popup asks.
    if (state?.carried) void sendToBackground('siteSubmitAttempt', { platform: adapter.platform, postedText: current.postedText }).catch(() => undefined);
  }

  function endAttempt(): void {
    if (attempt) clearInterval(attempt.timer);
    attempt = null;
  }

  function pollAttempt(current: Attempt): void {
    const now = Date.now();
    // The site's confirmation may appear in a shadow root that is new (at most a walk a second).
    rescanShadowRoots();
    if (now - current.startedAt > ATTEMPT_MS) {
      // The user posted Siar's item and the site never showed that it took it.
      if (state?.carried) countStep('publish', false);
      return endAttempt();
    }
    if (!current.pageResult) {
      const url = adapter.findPublished?.(document, current, now);
      if (url !== undefined) current.pageResult = { url, at: now };
    }
    const waitForApi = adapter.signal === 'network' && channel?.ready() && now - (current.pageResult?.at ?? now) < API_GRACE_MS;
    if (current.pageResult && !waitForApi) finish(current.pageResult.url);
  }

  function onAnswer(req: string, answer: PostAnswer): void {
    if (!attempt || attempt.req !== req) return;
    finish(adapter.permalinkFromAnswer?.(answer, location.href) ?? null);
  }

  function finish(postUrl: string | null): void {
    const postedText = attempt?.postedText ?? null;
    endAttempt();
    if (state?.carried) {
      countStep('publish', true);
      if (hasPermalink) countStep('permalink', postUrl !== null);
    }
    if (adapter.signal === 'ask') {
      sentText = postedText;
      if (state?.carried) ui.askSent();
      return;
    }
    void report('sitePublished', postUrl, postedText);
  }

  async function report(kind: 'sitePublished' | 'siteConfirmSent', postUrl: string | null, postedText: string | null): Promise<void> {
    let result;
    try {
      result =
        kind === 'sitePublished'
          ? await sendToBackground('sitePublished', { platform: adapter.platform, postUrl, postedText })
          : await sendToBackground('siteConfirmSent', { platform: adapter.platform, postedText });
    } catch {
      return ui.showStatus('error', t('siteRecordFailed'));
    }
    // A post that does not carry Siar's item is none of Siar's business.
    if (!result.ok && (result.error === 'no_item_in_tab' || result.error === 'other_text')) return;
    if (!result.ok) return ui.showStatus('error', t('siteRecordFailed'));
    if (state) state.carried = null;
    ui.showStatus('ok', t(kind === 'sitePublished' ? 'sitePublished' : 'siteConfirmed'));
  }

  // Submit controls: only the user's own (trusted) click or key press starts an attempt.
  const onClick = (event: MouseEvent) => {
    const target = event.composedPath()[0];
    if (event.isTrusted && target instanceof Element && !ui.host.contains(target) && adapter.isSubmit(target)) beginAttempt();
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    if (!event.isTrusted || !(target instanceof Node) || !adapter.submitsOnKey(event)) return;
    if (target.getRootNode() instanceof ShadowRoot) rescanShadowRoots(true);
    const current = adapter.findComposer(document);
    if (current?.editor.contains(target)) {
      composer = current;
      beginAttempt();
    }
  };
  ctx.addEventListener(window, 'click', onClick, { capture: true });
  ctx.addEventListener(window, 'keydown', onKey, { capture: true });

  const check = (userActed: boolean) => {
    // A timeline streaming in opens no composer: while the known one is still in place,
    // skip the search (and the layout it forces) until the user does something.
    if (!userActed && composer?.editor.isConnected && ui.host.isConnected) return;
    if (userActed) rescanShadowRoots();
    const found = adapter.findComposer(document);
    if (found) composer = found;
    ui.place(found?.anchor ?? null);
  };

  const start = () => {
    // The first check comes from the watch, in an idle period (not here, while the page builds).
    watchComposers({ check, signal: ctx.signal });
    ctx.onInvalidated(() => ui.remove());
    void refresh().then(() => {
      // Opened from the popup for a composer (Facebook, Instagram): show the queued item.
      if (state?.carried?.stage === 'queued' && state.carried.method === 'composer') ui.toggle(true);
    });
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
  else start();
}
