import type { Kysely } from 'kysely';
import { PLATFORM_NAMES, isPlatformId } from '../../lib/share/platforms';
import type { Language } from '../../lib/i18n';
import { calendarDate, formatWithOffset } from '../../lib/time/zoned-date';
import type { Database } from '../db/schema';
import { escapeHtml as e } from '../html';
import { translator, type T } from '../i18n/messages';
import { failingSiteSteps, type FailingStep } from './site-health-store';

/**
 * "Kesehatan situs" (Site check) on the staff dashboard: one line per failing step, e.g.
 * "Penyisipan di X gagal sejak 09:10 (versi 0.1.0)". Nothing at all while every site works.
 */

/** `09:10` today, `2026-12-01 09:10` before, in the office's zone. */
function when(iso: string, timezone: string, now: Date): string {
  const local = formatWithOffset(new Date(iso), timezone);
  const time = local.slice(11, 16);
  return local.slice(0, 10) === calendarDate(now, timezone) ? time : `${local.slice(0, 10)} ${time}`;
}

function line(step: FailingStep, timezone: string, now: Date, t: T): string {
  const site = isPlatformId(step.platform) ? PLATFORM_NAMES[step.platform] : step.platform;
  const failing = t('health.failing', { step: t(`health.step.${step.step}`), site, since: when(step.since, timezone, now) });
  return `<li data-site-health-line="${e(step.platform)}" data-step="${e(step.step)}"><strong>${e(failing)}</strong> (${e(t('health.version', { version: step.version }))}): ${e(t(`health.why.${step.step}`))}.
<small class="muted">${e(t('health.counts', { failures: step.failures, people: step.people }))}</small></li>`;
}

export function siteHealthBlock(steps: readonly FailingStep[], timezone: string, now: Date, lang: Language): string {
  if (steps.length === 0) return '';
  const t = translator(lang);
  return `<section class="site-health" data-site-health aria-labelledby="site-health-title">
<style>.site-health{border-color:#f3b8b2;background:#fffafa}.site-health ul{margin:0 0 8px;padding-left:20px}.site-health li{margin:4px 0}.site-health li small{display:block}.site-health p{margin:0;font-size:14px}</style>
<h2 id="site-health-title">${e(t('health.title'))}</h2>
<ul>${steps.map((step) => line(step, timezone, now, t)).join('\n')}</ul>
<p class="muted">${e(t('health.advice', { zone: timezone }))}</p>
</section>`;
}

/** The dashboard's block, read now: one call for the page. */
export async function siteHealthNotice(db: Kysely<Database>, timezone: string, lang: Language, now = new Date()): Promise<string> {
  return siteHealthBlock(await failingSiteSteps(db, now), timezone, now, lang);
}
