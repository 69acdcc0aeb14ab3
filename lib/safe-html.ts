import DOMPurify from 'dompurify';
import { isLoopbackHost, safeUrl } from './feed/safe-url';

/**
 * The one way feed HTML reaches a page (docs/protocol.md §2.4, STYLE habit 8): through
 * DOMPurify, keeping plain article markup only, with links and images limited
 * to `https:` (loopback `http:`) and resolved against the feed's address.
 * DOMPurify needs a DOM, so this runs in extension pages only, never in a
 * content script on a social site (ESLint forbids importing it there, and it
 * refuses to run on a web page).
 */

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'lang', 'dir'];

type Purifier = ReturnType<typeof DOMPurify>;

let purifier: Purifier | null = null;
/** The address that relative links of the HTML being sanitized are resolved against. */
let currentBase: string | undefined;

/** A page of a web site (where content scripts run); loopback pages are development and tests. */
function onWebPage(): boolean {
  const location = globalThis.location;
  if (!location) return false;
  return location.protocol === 'https:' || (location.protocol === 'http:' && !isLoopbackHost(location.hostname));
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  if (typeof window === 'undefined' || onWebPage()) {
    throw new Error('lib/safe-html runs in extension pages only (it needs their DOM, and never a social site’s).');
  }
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = safeUrl(node.getAttribute('href'), currentBase);
      if (href) {
        node.setAttribute('href', href);
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else node.removeAttribute('href');
    }
    if (node.nodeName === 'IMG') {
      const src = safeUrl(node.getAttribute('src'), currentBase);
      if (src) {
        node.setAttribute('src', src);
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      } else node.parentNode?.removeChild(node);
    }
  });
  purifier = instance;
  return instance;
}

/** Feed HTML → HTML safe to put into an extension page. */
export function sanitizeFeedHtml(html: string, baseUrl?: string): string {
  const instance = getPurifier();
  currentBase = baseUrl;
  try {
    return instance.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      RETURN_TRUSTED_TYPE: false,
    });
  } finally {
    currentBase = undefined;
  }
}
