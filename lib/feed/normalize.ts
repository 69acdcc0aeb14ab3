import { isPlatformId, type PlatformId } from '../share/platforms';
import type { CaptionKey } from './types';

/** `#SAIK2019`, ` SAIK2019 ` → `SAIK2019`; blanks dropped, duplicates (any case) once. */
export function normalizeHashtags(tags: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, '');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export function normalizeText(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Captions keyed by platform id (or `default`), each a non-empty list of variants. */
export function normalizeCaptions(
  captions: Record<string, string | string[]> | null | undefined,
): Partial<Record<CaptionKey, string[]>> {
  const out: Partial<Record<CaptionKey, string[]>> = {};
  for (const [key, value] of Object.entries(captions ?? {})) {
    if (key !== 'default' && !isPlatformId(key)) continue;
    const variants = (Array.isArray(value) ? value : [value])
      .map(normalizeText)
      .filter((variant) => variant.trim() !== '');
    if (variants.length > 0) out[key] = variants;
  }
  return out;
}

/** Known platform ids only; null (every platform) when the list is absent. */
export function normalizePlatforms(platforms: readonly string[] | null | undefined): PlatformId[] | null {
  if (!platforms) return null;
  return [...new Set(platforms.filter(isPlatformId))];
}

/** The first line of plain text, shortened, for items without a title. */
export function titleFromText(text: string, max = 120): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** At most `max` characters, cut after a whole word, with an ellipsis when cut. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
