import { createSerialQueue } from '../../serial';
import { tabShares, type TabShare } from '../../storage';

/** The background's record of which item each tab carries (the popup → site link). */

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const serially = createSerialQueue();

export async function tieTab(tabId: number, share: Omit<TabShare, 'at'>, now = Date.now()): Promise<void> {
  await serially(async () => {
    const all = await tabShares.getValue();
    await tabShares.setValue({ ...all, [String(tabId)]: { ...share, at: now } });
  });
}

export async function tabShare(tabId: number, now = Date.now()): Promise<TabShare | null> {
  const share = (await tabShares.getValue())[String(tabId)];
  return share && now - share.at < MAX_AGE_MS ? share : null;
}

/** Takes the tab's item away (once its share is recorded, or the tab is closed). */
export async function untieTab(tabId: number): Promise<TabShare | null> {
  return serially(async () => {
    const all = await tabShares.getValue();
    const share = all[String(tabId)] ?? null;
    if (share) {
      const { [String(tabId)]: _gone, ...rest } = all;
      await tabShares.setValue(rest);
    }
    return share;
  });
}
