import { escapeHtml as e } from '../html';
import { translator } from '../i18n/messages';
import { MIN_PASSWORD_LENGTH } from '../store/users';
import { csrfField, page, type Frame } from './layout';

/** `/login` and `/account`, in the reader's language. */

export function loginPage(frame: Frame, input: { csrf: string; next: string; name?: string; error?: 'wrong' | 'throttled' }): string {
  const t = translator(frame.lang);
  const error = input.error ? `<p class="error" role="alert">${e(t(input.error === 'wrong' ? 'login.wrong' : 'login.throttled'))}</p>` : '';
  return page(
    t('login.title'),
    `<div class="card narrow"><h1>Siar Kantor</h1><p class="muted">${e(t('login.intro'))}</p>
${error}
<form method="post" action="/login">${csrfField(input.csrf)}<input type="hidden" name="next" value="${e(input.next)}">
<label for="name">${e(t('login.name'))}</label><input id="name" name="name" autocomplete="username" required value="${e(input.name ?? '')}">
<label for="password">${e(t('login.password'))}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button class="primary" type="submit">${e(t('login.submit'))}</button></p></form></div>`,
    frame,
  );
}

type Outcome = 'changed' | 'wrong_password' | 'short_password' | 'mismatch';

export function accountPage(frame: Frame, outcome?: Outcome): string {
  const t = translator(frame.lang);
  const user = frame.user!;
  const said: Record<Outcome, [string, string]> = {
    changed: ['ok', t('account.changed')],
    wrong_password: ['error', t('account.wrongPassword')],
    short_password: ['error', t('account.shortPassword', { min: MIN_PASSWORD_LENGTH })],
    mismatch: ['error', t('account.mismatch')],
  };
  const shown = outcome ? said[outcome] : null;
  return page(
    t('account.title'),
    `<div class="card narrow"><h1>${e(t('frame.account'))}</h1>
<p>${e(user.name)} · ${e(user.role)}</p>
${shown ? `<p class="${shown[0]}" role="status">${e(shown[1])}</p>` : ''}
<form method="post" action="/account/password">${csrfField(frame.csrf ?? '')}
<label for="current">${e(t('account.current'))}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="password">${e(t('account.new'))}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<label for="repeat">${e(t('account.repeat'))}</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" required>
<p><button class="primary" type="submit">${e(t('account.submit'))}</button></p></form></div>`,
    frame,
  );
}
