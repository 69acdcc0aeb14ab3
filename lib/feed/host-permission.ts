import { browser } from 'wxt/browser';

/** Whether the extension may read this URL's origin without CORS (an optional host permission). */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}
