import { safeUrl } from './safe-url';
import { attributeOf, isXmlObject } from './xml-document';

const IMAGE_EXTENSION = /\.(avif|gif|jpe?g|png|svg|webp)(\?|#|$)/i;

/** Whether an enclosure / media element points at an image (by type, medium, else file name). */
function isImage(element: unknown, url: string): boolean {
  const type = attributeOf(element, 'type');
  const medium = attributeOf(element, 'medium');
  if (type) return type.toLowerCase().startsWith('image/');
  if (medium) return medium.toLowerCase() === 'image';
  return IMAGE_EXTENSION.test(url);
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

/**
 * The item's picture: an image `enclosure`, `media:content` (also inside
 * `media:group`), else `media:thumbnail`. Only safe URLs count (docs/protocol.md §2.4).
 */
export function imageFromMedia(item: Record<string, unknown>, baseUrl: string, urlAttribute = 'url'): string | null {
  const group = isXmlObject(item['media:group']) ? item['media:group'] : {};
  const candidates: [unknown, boolean][] = [
    ...list(item.enclosure).map((e): [unknown, boolean] => [e, false]),
    ...list(item['media:content']).map((e): [unknown, boolean] => [e, false]),
    ...list(group['media:content']).map((e): [unknown, boolean] => [e, false]),
    ...list(item['media:thumbnail']).map((e): [unknown, boolean] => [e, true]),
    ...list(group['media:thumbnail']).map((e): [unknown, boolean] => [e, true]),
  ];
  for (const [element, alwaysImage] of candidates) {
    const raw = attributeOf(element, urlAttribute);
    if (!raw) continue;
    const url = safeUrl(raw, baseUrl);
    if (url && (alwaysImage || isImage(element, url))) return url;
  }
  return null;
}
