import { comparableLines, countOccurrences, isTextarea, readEditorText } from '../editor-text';
import type { InsertStrategy } from '../types';

/**
 * Puts a caption into a site's editor so that the editor's own state holds it, then
 * reads it back (SITES.md): a strategy only counts when the editor shows the caption
 * exactly once more than before, every line of it, in order.
 */

const SETTLE_MS = 40;
const VERIFY_TRIES = 8;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deepestLast(node: Node): Node {
  let current = node;
  while (current.lastChild && !(current.lastChild instanceof HTMLBRElement)) current = current.lastChild;
  return current;
}

/**
 * Inside an open shadow root (LinkedIn's share box since 2026), Chromium's document
 * selection is retargeted to the host: the root's own `getSelection` sees the editor.
 */
function selectionFor(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return (root instanceof ShadowRoot ? root.getSelection?.() : null) ?? editor.ownerDocument.getSelection();
}

/** Focus, and the caret at the very end (or everything selected, to replace a failed attempt). */
function placeCaret(editor: HTMLElement, selectAll: boolean): void {
  editor.focus();
  if (isTextarea(editor)) {
    editor.setSelectionRange(selectAll ? 0 : editor.value.length, editor.value.length);
    return;
  }
  const selection = selectionFor(editor);
  if (!selection) return;
  const range = editor.ownerDocument.createRange();
  if (selectAll) {
    range.selectNodeContents(editor);
  } else {
    const last = deepestLast(editor);
    if (last.nodeType === Node.TEXT_NODE) range.setStart(last, (last as Text).length);
    else range.setStart(last, last.childNodes.length);
    range.collapse(true);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

function textTransfer(text: string): DataTransfer {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return data;
}

const STRATEGIES: Record<InsertStrategy, (editor: HTMLElement, text: string) => void> = {
  paste(editor, text) {
    const event = new ClipboardEvent('paste', { clipboardData: textTransfer(text), bubbles: true, cancelable: true });
    // Firefox ignores clipboardData in the constructor: put the data on the event's own.
    if (!event.clipboardData?.getData('text/plain')) event.clipboardData?.setData('text/plain', text);
    editor.dispatchEvent(event);
  },
  beforeinput(editor, text) {
    editor.dispatchEvent(
      new InputEvent('beforeinput', {
        inputType: 'insertReplacementText',
        dataTransfer: textTransfer(text),
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
  },
  execCommand(editor, text) {
    editor.ownerDocument.execCommand('insertText', false, text);
  },
  textareaSetter(editor, text) {
    if (!isTextarea(editor)) return;
    // The prototype's setter, so that React's value tracker sees a change and runs onChange.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    const start = editor.selectionStart;
    const next = editor.value.slice(0, start) + text + editor.value.slice(editor.selectionEnd);
    setter?.call(editor, next);
    editor.setSelectionRange(start + text.length, start + text.length);
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  },
};

export type InsertOutcome = { ok: true; strategy: InsertStrategy } | { ok: false; reason: 'not_inserted' | 'partial' };

/** Editors render after their own state changes: give them a few moments. */
async function verify(editor: HTMLElement, wanted: string, expected: number): Promise<boolean> {
  for (let i = 0; i < VERIFY_TRIES; i++) {
    await wait(SETTLE_MS);
    if (countOccurrences(comparableLines(readEditorText(editor)), wanted) === expected) return true;
  }
  return false;
}

/**
 * Tries each strategy in turn. When the editor was empty, a half-done attempt is
 * replaced by the next one (everything selected first); otherwise the user's own
 * text is never touched again after a half-done attempt.
 */
export async function insertCaption(
  editor: HTMLElement,
  caption: string,
  strategies: readonly InsertStrategy[],
): Promise<InsertOutcome> {
  const wanted = comparableLines(caption);
  const before = readEditorText(editor);
  const wasEmpty = comparableLines(before) === '';
  const expected = countOccurrences(comparableLines(before), wanted) + 1;
  for (const strategy of strategies) {
    const current = readEditorText(editor);
    const dirty = current !== before && comparableLines(current) !== comparableLines(before);
    if (dirty && !wasEmpty) return { ok: false, reason: 'partial' };
    placeCaret(editor, dirty && wasEmpty);
    // Editors follow the caret through `selectionchange`, which fires after a task.
    await wait(SETTLE_MS);
    try {
      STRATEGIES[strategy](editor, caption);
    } catch {
      continue;
    }
    if (await verify(editor, wanted, expected)) {
      placeCaret(editor, false);
      return { ok: true, strategy };
    }
  }
  const changed = comparableLines(readEditorText(editor)) !== comparableLines(before);
  return { ok: false, reason: changed ? 'partial' : 'not_inserted' };
}
