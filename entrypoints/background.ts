import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensurePollScheduled, FEED_ALARM, refreshFeeds, schedulePoll } from '@/lib/feed/feed-service';
import { messenger } from '@/lib/messaging';
import { flushOutbox, OUTBOX_ALARM, resumeAfterTokenChange, sendReportsNow, startOutbox } from '@/lib/reports/outbox-service';
import { requireExtensionPage } from '@/lib/sender-check';
import { confirmShare, openShare } from '@/lib/share/share-handlers';
import { userSettings, userSubscriptions } from '@/lib/storage';

export default defineBackground(() => {
  // Tokens and reporters live in local storage: keep content scripts out of it.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => undefined);

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

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void refreshFeeds().finally(schedulePoll);
    if (alarm.name === OUTBOX_ALARM) void flushOutbox();
  });

  userSubscriptions.watch(() => void refreshFeeds());
  userSettings.watch((next, previous) => {
    if (next.reportToken !== previous?.reportToken) void resumeAfterTokenChange();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    void refreshFeeds();
    void resumeAfterTokenChange();
  });

  // Every wake-up: feeds not fetched for a poll period are fetched, the outbox is tried.
  void refreshFeeds();
  void ensurePollScheduled();
  void startOutbox();
});
