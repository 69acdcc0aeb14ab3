import { PLATFORM_IDS, type PlatformId } from '../../lib/share/platforms';
import { SITE_STEPS, type SiteStep } from '../../lib/sites/site-check';

/**
 * `POST /api/v1/site-health` (docs/protocol.md §7.1): counters only. Every object names its
 * keys with `propertyNames`, so a body carrying anything else (text, links, a reporter) is
 * refused, not trimmed (Fastify's Ajv would silently drop keys under `additionalProperties: false`).
 */

export const MAX_SITE_HEALTH_BYTES = 64 * 1024;
const MAX_COUNT = 1_000_000;

export type StepCounts = Partial<Record<SiteStep, { ok: number; fail: number }>>;

export interface SiteHealthBody {
  client: { name: string; version: string };
  days: { day: string; version: string; sites: Partial<Record<PlatformId, StepCounts>> }[];
  failing?: { platform: PlatformId; step: SiteStep; since: string }[];
}

const closed = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) =>
  ({ type: 'object', propertyNames: { enum: Object.keys(properties) }, required, properties }) as const;

const count = { type: 'integer', minimum: 0, maximum: MAX_COUNT } as const;
/** An extension version as browsers allow it: up to four dot-separated numbers. */
const version = { type: 'string', pattern: '^[0-9]{1,5}(\\.[0-9]{1,5}){0,3}$' } as const;
const stepCounts = closed(Object.fromEntries(SITE_STEPS.map((step) => [step, closed({ ok: count, fail: count })])), []);

export const siteHealthSchema = closed(
  {
    client: closed({ name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' }, version }),
    days: {
      type: 'array',
      maxItems: 100,
      items: closed({
        day: { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        version,
        sites: { type: 'object', propertyNames: { enum: [...PLATFORM_IDS] }, additionalProperties: stepCounts },
      }),
    },
    failing: {
      type: 'array',
      maxItems: 100,
      items: closed({ platform: { enum: [...PLATFORM_IDS] }, step: { enum: [...SITE_STEPS] }, since: { type: 'string', format: 'date-time' } }),
    },
  },
  ['client', 'days'],
);
