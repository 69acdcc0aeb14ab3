import { comparableLines, readEditorText } from './editor-text';
import type { SubmitAttempt } from './types';

/**
 * Chats (WhatsApp, Telegram) show nothing Siar could link to: once the message left
 * the composer after the user's send, the chat took it, and Siar asks the user.
 */
export function messageLeftComposer(_doc: Document, attempt: SubmitAttempt): null | undefined {
  const editor = attempt.composer?.editor;
  if (!editor) return undefined;
  return !editor.isConnected || comparableLines(readEditorText(editor)) === '' ? null : undefined;
}
