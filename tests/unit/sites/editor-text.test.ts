import { describe, expect, it } from 'vitest';
import { comparableLines, countOccurrences } from '@/lib/sites/editor-text';

describe('read-back comparison', () => {
  it('compares lines, not the blank lines or NBSPs that editors add', () => {
    expect(comparableLines('Satu\u00a0dua\r\n\r\n\r\n  Tiga  \n\u200b')).toBe('Satu dua\nTiga');
    expect(comparableLines('')).toBe('');
  });

  it('counts whole occurrences, so that a double insert is seen', () => {
    const caption = comparableLines('A\n\nB');
    expect(countOccurrences(comparableLines('A\nB'), caption)).toBe(1);
    expect(countOccurrences(comparableLines('A\nB\nA\nB'), caption)).toBe(2);
    // Earlier paragraphs lost (Draft.js with execCommand): not the caption.
    expect(countOccurrences(comparableLines('B'), caption)).toBe(0);
    expect(countOccurrences('anything', '')).toBe(0);
  });
});
