import { PLATFORM_IDS } from '../../lib/share/platforms';
import { toLocalInput, type OfficeZone } from './office-zone';
import type { PostContent } from './post-input';

/**
 * The editor's HTML form ↔ a post. The form has fixed boxes (three variants per
 * caption), so its values are flat strings: `caption_x_1`, `platform_instagram`. A form
 * sent back with a problem is shown again with exactly what was typed.
 */

export const VARIANT_BOXES = 3;
export const CAPTION_KEYS = ['default', ...PLATFORM_IDS.filter((id) => id !== 'other')] as const;

export type FormValues = Record<string, string>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Only the text fields of a multipart or urlencoded body. */
export function formValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string')) as FormValues;
}

export function valuesToInput(values: FormValues): Record<string, unknown> {
  const captions: Record<string, string[]> = {};
  for (const key of CAPTION_KEYS) {
    const variants = Array.from({ length: VARIANT_BOXES }, (_, i) => text(values[`caption_${key}_${i}`]));
    if (variants.some((variant) => variant.trim() !== '')) captions[key] = variants;
  }
  return {
    title: text(values.title),
    summary: text(values.summary),
    link: text(values.link),
    image: text(values.image),
    captions,
    hashtags: text(values.hashtags),
    platforms: PLATFORM_IDS.filter((id) => values[`platform_${id}`] === 'on'),
    campaign: text(values.campaign),
    priority: text(values.priority),
    valid_from: text(values.valid_from),
    valid_until: text(values.valid_until),
  };
}

export function contentToValues(content: PostContent, zone: OfficeZone): FormValues {
  const values: FormValues = {
    title: content.title,
    summary: content.summary,
    link: content.link ?? '',
    image: content.image ?? '',
    hashtags: content.hashtags.map((tag) => `#${tag}`).join(' '),
    campaign: content.campaign ?? '',
    priority: String(content.priority),
    valid_from: content.validFrom ? toLocalInput(new Date(content.validFrom), zone) : '',
    valid_until: content.validUntil ? toLocalInput(new Date(content.validUntil), zone) : '',
  };
  for (const [key, variants] of Object.entries(content.captions)) {
    (variants ?? []).slice(0, VARIANT_BOXES).forEach((variant, i) => (values[`caption_${key}_${i}`] = variant));
  }
  for (const id of content.platforms ?? []) values[`platform_${id}`] = 'on';
  return values;
}
