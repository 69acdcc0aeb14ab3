import { useMemo } from 'react';
import { sanitizeFeedHtml } from '@/lib/safe-html';

interface Props {
  html: string;
  /** Resolves the HTML's relative links and images (the feed's address). */
  baseUrl?: string;
  className?: string;
}

/** Feed HTML in React: only ever through lib/safe-html (docs/protocol.md §2.4). */
export function SafeHtml({ html, baseUrl, className }: Props) {
  const clean = useMemo(() => sanitizeFeedHtml(html, baseUrl), [html, baseUrl]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
