/**
 * Reading an editor's text the way its user sees it, and comparing captions line by line:
 * used in the page (insertion, chats) and in the background (does the post carry the item?).
 */

/** Lines without their edges and without blank lines: editors disagree on blank lines and NBSPs. */
export function comparableLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

export function isTextarea(editor: HTMLElement): editor is HTMLTextAreaElement {
  return editor instanceof HTMLTextAreaElement;
}

/** What the editor shows, as its user would copy it. */
export function readEditorText(editor: HTMLElement): string {
  return isTextarea(editor) ? editor.value : editor.innerText;
}
