import { Parser } from 'htmlparser2';
import { safeUrl } from './safe-url';

/**
 * Reads feed HTML without a DOM (the service worker has none): its plain text
 * for captions and summaries, and its first safe image. Nothing here renders
 * HTML; rendering goes through lib/safe-html.ts only.
 */

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul',
]);
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'select', 'textarea']);

export interface HtmlReading {
  text: string;
  image: string | null;
}

export interface ReadHtmlOptions {
  /** Resolves relative image URLs. */
  baseUrl?: string;
  /** Skip collecting text: stop at the first safe image. */
  imageOnly?: boolean;
}

export function readHtml(html: string, options: ReadHtmlOptions = {}): HtmlReading {
  let text = '';
  let image: string | null = null;
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden++;
        else if (name === 'br') text += '\n';
        else if (BLOCKS.has(name)) text += '\n\n';
        if (name === 'img' && image === null && hidden === 0) {
          image = safeUrl(attributes.src, options.baseUrl);
          if (image && options.imageOnly) parser.pause();
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) text += '\n\n';
      },
      ontext(chunk) {
        if (hidden === 0 && !options.imageOnly) text += chunk;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (!(options.imageOnly && image)) parser.end();
  return { text: tidyText(text), image };
}

/** Collapses the whitespace HTML does not show; keeps paragraph breaks. */
export function tidyText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
