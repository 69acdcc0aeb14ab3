import { escapeHtml as e } from '../html';
import { page } from './layout';

/**
 * `/daftar`: where an enrollment link lands. The code is in the fragment (`#…`), which a
 * browser never sends, so this page never sees it: it only tells the person what to do.
 */
export function enrollPage(origin: string): string {
  return page(
    'Siar — pendaftaran / enrollment',
    `<div class="card narrow">
<h1>Daftar ke Siar</h1>
<p>Anda menerima tautan pendaftaran dari kantor Anda. Untuk memakainya:</p>
<ol><li>Pasang ekstensi Siar di peramban Anda.</li>
<li>Buka <strong>Pengaturan Siar</strong> (klik kanan ikon Siar → Opsi).</li>
<li>Tempel <strong>seluruh tautan</strong> ini di kolom <em>Kode pendaftaran</em>, lalu tekan <em>Daftar</em>.</li></ol>
<p class="muted">Kode berlaku 14 hari dan hanya sekali pakai. Jangan bagikan tautan ini kepada orang lain.</p>
<hr>
<h2 lang="en">Enroll in Siar</h2>
<div lang="en"><p>Your office sent you an enrollment link. To use it:</p>
<ol><li>Install the Siar extension in your browser.</li>
<li>Open <strong>Siar's options</strong> (right-click the Siar icon → Options).</li>
<li>Paste <strong>the whole link</strong> into the <em>Enrollment code</em> field and press <em>Enroll</em>.</li></ol>
<p class="muted">A code works for 14 days, once. Do not share this link with anyone.</p></div>
<p class="muted"><small>${e(origin)}</small></p></div>`,
  );
}
