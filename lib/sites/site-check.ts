import type { PlatformId } from '../share/platforms';

/**
 * The site check: per extension version and per site, how often each step of a share
 * worked. Counters only (no text, no links), kept by the background. Three failures of
 * a step in a row on a site: Siar there may be out of date, and says so.
 */

export const SITE_STEPS = ['composer', 'caption', 'publish', 'permalink'] as const;
export type SiteStep = (typeof SITE_STEPS)[number];

export interface StepCount {
  ok: number;
  fail: number;
  /** Failures since the last success. */
  streak: number;
  /** When the current run of failures began (ISO), null while the step works. */
  failingSince: string | null;
}

export type PlatformHealth = Partial<Record<SiteStep, StepCount>>;
export type DayCounts = Partial<Record<PlatformId, Partial<Record<SiteStep, { ok: number; fail: number }>>>>;

export interface SiteHealthState {
  /** Extension version → site → step. */
  versions: Record<string, Partial<Record<PlatformId, PlatformHealth>>>;
  /** Day (YYYY-MM-DD, UTC) → version → site → step: the daily aggregate an office may receive. */
  days: Record<string, Record<string, DayCounts>>;
  /** Receiver origin → the last day sent there. */
  sentUntil: Record<string, string>;
}

export const EMPTY_SITE_HEALTH: SiteHealthState = { versions: {}, days: {}, sentUntil: {} };
export const OUTDATED_STREAK = 3;
/** Days kept for sending; older ones are dropped. */
const KEEP_DAYS = 14;

export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export function countStep(
  state: SiteHealthState,
  step: { version: string; platform: PlatformId; step: SiteStep; ok: boolean },
  now: Date,
): SiteHealthState {
  const sites = state.versions[step.version] ?? {};
  const steps = sites[step.platform] ?? {};
  const was = steps[step.step] ?? { ok: 0, fail: 0, streak: 0, failingSince: null };
  const next: StepCount = step.ok
    ? { ...was, ok: was.ok + 1, streak: 0, failingSince: null }
    : { ...was, fail: was.fail + 1, streak: was.streak + 1, failingSince: was.failingSince ?? now.toISOString() };
  const day = dayOf(now);
  const dayVersions = state.days[day] ?? {};
  const daySites = dayVersions[step.version] ?? {};
  const daySteps = daySites[step.platform] ?? {};
  const dayWas = daySteps[step.step] ?? { ok: 0, fail: 0 };
  const dayNext = { ok: dayWas.ok + (step.ok ? 1 : 0), fail: dayWas.fail + (step.ok ? 0 : 1) };
  const days = Object.fromEntries(
    Object.entries({ ...state.days, [day]: { ...dayVersions, [step.version]: { ...daySites, [step.platform]: { ...daySteps, [step.step]: dayNext } } } })
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(-KEEP_DAYS),
  );
  return {
    ...state,
    versions: { ...state.versions, [step.version]: { ...sites, [step.platform]: { ...steps, [step.step]: next } } },
    days,
  };
}

/** The steps of a site that failed `OUTDATED_STREAK` times in a row with this version. */
export function failingSteps(state: SiteHealthState, version: string, platform: PlatformId): SiteStep[] {
  const steps = state.versions[version]?.[platform] ?? {};
  return SITE_STEPS.filter((step) => (steps[step]?.streak ?? 0) >= OUTDATED_STREAK);
}

export function outdatedSites(state: SiteHealthState, version: string): PlatformId[] {
  return (Object.keys(state.versions[version] ?? {}) as PlatformId[]).filter((platform) => failingSteps(state, version, platform).length > 0);
}
