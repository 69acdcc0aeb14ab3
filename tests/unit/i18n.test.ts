import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';
import { createTranslator, resolveLanguage } from '@/lib/i18n';
import { sourceFiles } from './source-files';

const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('locales', () => {
  it('have the same keys in Bahasa Indonesia and English, none empty, same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, { message }] of Object.entries(id)) {
      const english = (en as Record<string, { message: string }>)[key]!.message;
      expect(message.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(message));
    }
  });

  it('hold every key the code asks for by name', () => {
    const root = join(import.meta.dirname, '../..');
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'lib'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.keys(id), key).toContain(key);
  });

  it('substitutes $1…$9 and picks the language', () => {
    expect(createTranslator('id')('progress', 2, 5)).toBe('2 dari 5 sudah dibagikan');
    expect(createTranslator('en')('progress', 2, 5)).toBe('2 of 5 shared');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'id')).toBe('id');
    expect(resolveLanguage('auto', 'ja')).toBe('id');
    expect(resolveLanguage('en', 'id')).toBe('en');
  });
});
