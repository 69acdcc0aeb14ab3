import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/csv';

describe('toCsv', () => {
  it.each([
    ['plain', ['a', 'b'], 'a,b'],
    ['a comma', ['Budi, S.Kom', 'x'], '"Budi, S.Kom",x'],
    ['quotes', ['say "hi"'], '"say ""hi"""'],
    ['new lines', ['one\ntwo'], '"one\ntwo"'],
    ['empty and null', ['', null, undefined], ',,'],
    ['numbers stay numbers', [3, -2], '3,-2'],
    ['a formula', ['=HYPERLINK("http://evil")'], `"'=HYPERLINK(""http://evil"")"`],
    ['other formula starts', ['+1', '-1', '@SUM(A1)'], "'+1,'-1,'@SUM(A1)"],
    ['a semicolon (a separator where Excel uses ";")', ['Budi; Kominfo'], '"Budi; Kominfo"'],
    ['a formula after a semicolon', ['Budi;=1+1', 'a;+b;-c;@d'], `"Budi;'=1+1","a;'+b;'-c;'@d"`],
  ])('%s', (_label, row, line) => {
    expect(toCsv([row])).toBe(`${line}\r\n`);
  });

  it.each([
    ['a semicolon is quoted', ['Bidang IKP; Humas', 'x'], '"Bidang IKP; Humas";x'],
    ['a comma is not', ['Budi, S.Kom', 'x'], 'Budi, S.Kom;x'],
    ['a tab or CR start is neutralised', ['\tcmd', '\r=1+1'], `'\tcmd;"'\r=1+1"`],
    ['a formula after a semicolon', ['a', '=1+1'], "a;'=1+1"],
  ])('with ";": %s', (_label, row, line) => {
    expect(toCsv([row], ';')).toBe(`${line}\r\n`);
  });

  it('joins rows with CRLF', () => {
    expect(toCsv([['a'], ['b']])).toBe('a\r\nb\r\n');
  });
});
