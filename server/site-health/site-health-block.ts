import type { Kysely } from 'kysely';
import { PLATFORM_NAMES, isPlatformId } from '../../lib/share/platforms';
import type { SiteStep } from '../../lib/sites/site-check';
import { calendarDate, formatWithOffset } from '../../lib/time/zoned-date';
import type { Database } from '../db/schema';
import { escapeHtml as e } from '../html';
import { failingSiteSteps, type FailingStep } from './site-health-store';

/**
 * "Kesehatan situs / Site check" on the staff dashboard: one line per failing step, e.g.
 * "Penyisipan di X gagal sejak 09:10 (versi 0.1.0)". Nothing at all while every site works.
 */

const STEP_TEXT: Record<SiteStep, { id: string; en: string; whyId: string; whyEn: string }> = {
  composer: { id: 'Penyisipan', en: 'insertion', whyId: 'kotak posting tidak ditemukan', whyEn: 'the post box is not found' },
  caption: { id: 'Penyisipan', en: 'insertion', whyId: 'keterangan tidak terverifikasi', whyEn: 'the caption is not verified' },
  publish: { id: 'Pencatatan', en: 'recording', whyId: 'terbitnya unggahan tidak terlihat', whyEn: 'the post going out is not seen' },
  permalink: { id: 'Pengambilan tautan', en: 'link capture', whyId: 'tautan unggahan tidak tertangkap', whyEn: 'the post’s link is not captured' },
};

/** `09:10` today, `2026-12-01 09:10` before, in the office's zone. */
function when(iso: string, timezone: string, now: Date): string {
  const local = formatWithOffset(new Date(iso), timezone);
  const time = local.slice(11, 16);
  return local.slice(0, 10) === calendarDate(now, timezone) ? time : `${local.slice(0, 10)} ${time}`;
}

function line(step: FailingStep, timezone: string, now: Date): string {
  const text = STEP_TEXT[step.step];
  const site = e(isPlatformId(step.platform) ? PLATFORM_NAMES[step.platform] : step.platform);
  const since = e(when(step.since, timezone, now));
  const version = e(step.version);
  return `<li data-site-health-line="${e(step.platform)}" data-step="${e(step.step)}"><strong>${e(text.id)} di ${site} gagal sejak ${since}</strong> (versi ${version}): ${e(text.whyId)}.
<small lang="en">/ ${e(text.en)} on ${site} failing since ${since} (version ${version}): ${e(text.whyEn)}.</small>
<small class="muted">${step.failures} gagal · ${step.people} orang <span lang="en">/ ${step.failures} failures · ${step.people} ${step.people === 1 ? 'person' : 'people'}</span></small></li>`;
}

export function siteHealthBlock(steps: readonly FailingStep[], timezone: string, now: Date): string {
  if (steps.length === 0) return '';
  return `<section class="site-health" data-site-health aria-labelledby="site-health-title">
<style>.site-health{border-color:#f3b8b2;background:#fffafa}.site-health ul{margin:0 0 8px;padding-left:20px}.site-health li{margin:4px 0}.site-health li small{display:block}.site-health p{margin:0;font-size:14px}</style>
<h2 id="site-health-title">Kesehatan situs <small>/ Site check</small></h2>
<ul>${steps.map((step) => line(step, timezone, now)).join('\n')}</ul>
<p class="muted">Siar di situs itu mungkin usang. Sampai diperbarui, pegawai tetap bisa berbagi: Salin lalu halaman bagikan. Jam menurut zona waktu kantor (${e(timezone)}).
<small lang="en">/ Siar on that site may be out of date. Until it is updated, people can still share: Copy, then the share page. Times in the office's time zone.</small></p>
</section>`;
}

/** The dashboard's block, read now: one call for the page. */
export async function siteHealthNotice(db: Kysely<Database>, timezone: string, now = new Date()): Promise<string> {
  return siteHealthBlock(await failingSiteSteps(db, now), timezone, now);
}
