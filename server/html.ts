const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only http(s) links become anchors; anything else is shown as text. */
export function linkOrText(url: string | null, label?: string): string {
  if (!url) return '';
  const safe = /^https?:\/\//i.test(url);
  return safe
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label ?? url)}</a>`
    : escapeHtml(url);
}
