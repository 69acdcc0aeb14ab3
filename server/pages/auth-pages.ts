import { escapeHtml as e } from '../html';
import { MIN_PASSWORD_LENGTH, type User } from '../store/users';
import { both, csrfField, page } from './layout';

/** `/login` and `/account`. */

export function loginPage(input: { csrf: string; next: string; name?: string; error?: 'wrong' | 'throttled' }): string {
  const error =
    input.error === 'wrong'
      ? `<p class="error" role="alert">${both('Nama atau kata sandi salah.', 'Wrong name or password.')}</p>`
      : input.error === 'throttled'
        ? `<p class="error" role="alert">${both('Terlalu banyak percobaan gagal. Coba lagi 15 menit lagi.', 'Too many failed attempts. Try again in 15 minutes.')}</p>`
        : '';
  return page(
    'Siar Kantor — masuk / sign in',
    `<div class="card narrow"><h1>Siar Kantor</h1><p class="muted">${both('Masuk untuk melihat laporan kantor.', 'Sign in to see the office’s reports.')}</p>
${error}
<form method="post" action="/login">${csrfField(input.csrf)}<input type="hidden" name="next" value="${e(input.next)}">
<label for="name">${both('Nama pengguna', 'User name')}</label><input id="name" name="name" autocomplete="username" required value="${e(input.name ?? '')}">
<label for="password">${both('Kata sandi', 'Password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button class="primary" type="submit">Masuk <small>/ sign in</small></button></p></form></div>`,
  );
}

const OUTCOMES = {
  changed: ['ok', 'Kata sandi sudah diganti.', 'Your password was changed.'],
  wrong_password: ['error', 'Kata sandi saat ini salah.', 'The current password is wrong.'],
  short_password: ['error', `Kata sandi baru minimal ${MIN_PASSWORD_LENGTH} karakter.`, `A new password has at least ${MIN_PASSWORD_LENGTH} characters.`],
  mismatch: ['error', 'Kedua kata sandi baru tidak sama.', 'The two new passwords differ.'],
} as const;

export function accountPage(input: { user: User; csrf: string; outcome?: keyof typeof OUTCOMES }): string {
  const outcome = input.outcome ? OUTCOMES[input.outcome] : null;
  return page(
    'Siar Kantor — akun / account',
    `<div class="card narrow"><h1>${both('Akun', 'Account')}</h1>
<p>${e(input.user.name)} · ${e(input.user.role)}</p>
${outcome ? `<p class="${outcome[0]}" role="status">${both(outcome[1], outcome[2])}</p>` : ''}
<form method="post" action="/account/password">${csrfField(input.csrf)}
<label for="current">${both('Kata sandi saat ini', 'Current password')}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="password">${both('Kata sandi baru', 'New password')}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<label for="repeat">${both('Ulangi kata sandi baru', 'Repeat the new password')}</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" required>
<p><button class="primary" type="submit">${both('Ganti kata sandi', 'Change password')}</button></p></form></div>`,
    { user: input.user, csrf: input.csrf },
  );
}
