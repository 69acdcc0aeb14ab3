import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensurePollScheduled, onFeedAlarm, refreshFeeds } from '@/lib/feed/feed-service';
import { messenger } from '@/lib/messaging';
import { updateBadge } from '@/lib/notify/badge';
import { NEW_POSTS_NOTIFICATION, notifyNewPosts } from '@/lib/notify/new-posts';
import { flushOutbox, OUTBOX_ALARM, resumeAfterTokenChange, sendReportsNow, startOutbox } from '@/lib/reports/outbox-service';
import { watchManagedPolicy } from '@/lib/policy';
import { requireExtensionPage } from '@/lib/sender-check';
import { answerAttempt } from '@/lib/share/answer-attempt';
import { confirmShare, openShare } from '@/lib/share/share-handlers';
import { closeAttemptsOfGoneTabs } from '@/lib/sites/background/share-attempts';
import { watchMastodonInstances } from '@/lib/sites/background/mastodon-registration';
import { recordSiteStep } from '@/lib/sites/background/site-health';
import { scheduleSiteHealth, sendSiteHealthNow, SITE_HEALTH_ALARM } from '@/lib/sites/background/site-health-sender';
import {
  forgetClosedTab,
  listSiteItems,
  recordAttempt,
  recordPublished,
  recordSentConfirmation,
  requestImage,
  requestInsert,
} from '@/lib/sites/background/site-handlers';
import { moveLegacyTokens, watchReportTokens } from '@/lib/reports/token-store';
import { feedCache, outboxSummary, userSubscriptions } from '@/lib/storage';

export default defineBackground(() => {
  // Reporters live in local storage: keep content scripts out of it where the browser can
  // (Chromium). Tokens are out of their reach on every browser (lib/reports/token-store.ts),
  // and earlier builds' tokens are moved there.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => undefined);
  void moveLegacyTokens().catch((error: unknown) => console.error('Siar: moving the report tokens', error));

  messenger.onMessage('popupRefreshFeeds', ({ sender }) => {
    requireExtensionPage(sender);
    return refreshFeeds({ force: true });
  });
  messenger.onMessage('popupConfirmShare', ({ sender, data }) => {
    requireExtensionPage(sender);
    return confirmShare(data);
  });
  messenger.onMessage('popupOpenShare', ({ sender, data }) => {
    requireExtensionPage(sender);
    return openShare(data);
  });
  messenger.onMessage('popupSendReportsNow', ({ sender }) => {
    requireExtensionPage(sender);
    return sendReportsNow();
  });
  messenger.onMessage('popupAnswerAttempt', ({ sender, data }) => {
    requireExtensionPage(sender);
    return answerAttempt(data);
  });

  // --- Social sites (issue 4): content scripts; every handler checks the sender itself. ---
  messenger.onMessage('siteListItems', ({ sender, data }) => listSiteItems(sender, data));
  messenger.onMessage('siteInsertRequest', ({ sender, data }) => requestInsert(sender, data));
  messenger.onMessage('siteImageRequest', ({ sender, data }) => requestImage(sender, data));
  messenger.onMessage('siteSubmitAttempt', ({ sender, data }) => recordAttempt(sender, data));
  messenger.onMessage('sitePublished', ({ sender, data }) => recordPublished(sender, data));
  messenger.onMessage('siteConfirmSent', ({ sender, data }) => recordSentConfirmation(sender, data));
  messenger.onMessage('siteStep', ({ sender, data }) => recordSiteStep(sender, data));
  browser.tabs.onRemoved.addListener(forgetClosedTab);
  watchMastodonInstances();

  browser.alarms.onAlarm.addListener((alarm) => {
    void onFeedAlarm(alarm); // feed engine: fetch what is due, schedule the next poll
    if (alarm.name === OUTBOX_ALARM) void flushOutbox();
    if (alarm.name === SITE_HEALTH_ALARM) void sendSiteHealthNow().catch((error: unknown) => console.error('Siar: site check', error));
  });

  userSubscriptions.watch(() => void refreshFeeds());
  watchReportTokens(() => void resumeAfterTokenChange());
  watchManagedPolicy(() => {
    void refreshFeeds();
    void resumeAfterTokenChange();
  });

  // Badge and notification: what is left to share today, and what is new.
  feedCache.watch(() => {
    void updateBadge();
    void notifyNewPosts();
  });
  // The summary is rewritten after every share and every answer: the badge follows it.
  outboxSummary.watch(() => void updateBadge());
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== NEW_POSTS_NOTIFICATION) return;
    void browser.notifications.clear(id);
    const popup = browser.runtime.getURL('/popup.html');
    void (browser.action?.openPopup?.() ?? Promise.reject(new Error('no openPopup'))).catch(() => browser.tabs.create({ url: popup }));
  });

  // Every wake-up: feeds not fetched for a poll period are fetched, the outbox is tried.
  void refreshFeeds();
  void ensurePollScheduled();
  void startOutbox();
  void closeAttemptsOfGoneTabs();
  void updateBadge();
  scheduleSiteHealth();
});
