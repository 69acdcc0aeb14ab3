import { COMMON_HTML, ENTITY_ACTION, EntityDecoder } from '@nodable/entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedRejection } from './types';

/**
 * RSS and Atom go through fast-xml-parser, a real XML parser that needs no DOM
 * (the service worker has no DOMParser). Entity expansion is off: entities a
 * document declares in its DOCTYPE are never expanded (no "billion laughs"), so
 * `&lol9;` stays those five characters. Only XML's own escapes, numeric
 * references and the common HTML names that feeds use (`&nbsp;`, `&hellip;`)
 * are decoded.
 */

export const MAX_XML_DEPTH = 64;

/** Elements that may repeat; always arrays, so a feed with one item reads like one with many. */
const ALWAYS_ARRAYS = new Set(['item', 'entry', 'enclosure', 'media:content', 'media:thumbnail', 'category']);

/** Atom text constructs of type xhtml are kept as their raw markup (they are HTML to sanitize). */
const XHTML_NODES = ['content', 'summary', 'title', 'subtitle'].map((name) => `..${name}[type=xhtml]`);

let parser: XMLParser | null = null;

function xmlParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    entityDecoder: new EntityDecoder({
      namedEntities: { ...COMMON_HTML },
      numericAllowed: true,
      onInputEntity: () => ENTITY_ACTION.BLOCK,
    }),
    isArray: (name, jPath) =>
      ALWAYS_ARRAYS.has(name) || (name === 'link' && typeof jPath === 'string' && jPath.startsWith('feed.')),
    stopNodes: XHTML_NODES,
    maxNestedTags: MAX_XML_DEPTH,
  });
  return parser;
}

/** `<!doctype html>` or `<html>` first: a web page, not a feed. */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*>/i, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(!doctype\s+html|html)[\s>]/i.test(head);
}

export interface XmlDocument {
  /** The root element's name, e.g. `rss`, `feed`, `rdf:RDF`. */
  rootName: string;
  root: unknown;
}

/**
 * Checks that the text is well-formed XML (a truncated body is not) and parses it.
 * Throws a FeedRejection with a plain reason code.
 */
export function parseXmlDocument(text: string): XmlDocument {
  if (looksLikeHtml(text)) throw new FeedRejection('not_a_feed', 'an HTML page');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedRejection('malformed', `line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let document: Record<string, unknown>;
  try {
    document = xmlParser().parse(text) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message)) throw new FeedRejection('too_deep', `more than ${MAX_XML_DEPTH} levels`);
    throw new FeedRejection('malformed', message);
  }
  const roots = Object.keys(document).filter((key) => key !== '#text');
  if (roots.length !== 1) throw new FeedRejection('malformed', `${roots.length} root elements`);
  const rootName = roots[0]!;
  return { rootName, root: document[rootName] };
}

export type XmlObject = Record<string, unknown>;

export function isXmlObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A text element: a string, or an object of attributes (`@_…`) and `#text`.
 * An element that holds child elements (or repeats) is not one.
 */
export function isTextElement(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isXmlObject(value)) return false;
  for (const key in value) {
    if (key === '#text') {
      if (typeof value[key] !== 'string') return false;
    } else if (!key.startsWith('@_')) return false;
  }
  return true;
}

/** The text of a text element ('' when empty or absent). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isXmlObject(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

export function attributeOf(value: unknown, name: string): string | undefined {
  if (!isXmlObject(value)) return undefined;
  const attribute = value[`@_${name}`];
  return typeof attribute === 'string' ? attribute : undefined;
}
