import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/lib/i18n';
import { platformLabel } from '@/lib/share/platform-label';

describe('platformLabel', () => {
  it('names "other" in the chosen language, from _locales', () => {
    expect(platformLabel('other', createTranslator('id'))).toBe('Lainnya');
    expect(platformLabel('other', createTranslator('en'))).toBe('Other');
  });

  it('keeps brand names the same in both languages', () => {
    expect(platformLabel('linkedin', createTranslator('id'))).toBe('LinkedIn');
    expect(platformLabel('linkedin', createTranslator('en'))).toBe('LinkedIn');
  });

  it('shows an unknown id from an older share as it is', () => {
    expect(platformLabel('myspace', createTranslator('en'))).toBe('myspace');
  });
});
