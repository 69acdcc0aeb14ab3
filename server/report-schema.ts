import { SHARE_METHODS, SHARE_STATUSES, type ShareReport } from '../lib/reports/types';
import { PLATFORM_IDS } from '../lib/share/platforms';

/**
 * PROTOCOL §3.3 as the JSON schema of `POST /api/v1/shares`: every field present;
 * `post_url` and `item_url` may be null. Unknown fields are ignored, so newer clients
 * still report. Fastify validates with it and the 400 names the field paths.
 */

export const MAX_REPORTS_PER_REQUEST = 100;

const absoluteUrl = { type: 'string', maxLength: 2048, format: 'uri', pattern: '^[A-Za-z][A-Za-z0-9+.-]*://' } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const reportJsonSchema = {
  type: 'object',
  required: ['id', 'feed_url', 'item_id', 'item_url', 'platform', 'status', 'method', 'post_url', 'shared_at', 'reporter', 'client'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    feed_url: absoluteUrl,
    item_id: { type: 'string', minLength: 1, maxLength: 1000 },
    item_url: { anyOf: [absoluteUrl, { type: 'null' }] },
    platform: { type: 'string', enum: PLATFORM_IDS },
    status: { type: 'string', enum: SHARE_STATUSES },
    method: { type: 'string', enum: SHARE_METHODS },
    post_url: { anyOf: [absoluteUrl, { type: 'null' }] },
    shared_at: { type: 'string', format: 'date-time' },
    reporter: {
      type: 'object',
      required: ['id', 'name', 'unit'],
      properties: { id: text(100), name: text(200), unit: text(300) },
    },
    client: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: text(100), version: text(100) },
    },
  },
} as const;

export const sharesRequestSchema = {
  type: 'object',
  required: ['reports'],
  properties: {
    reports: { type: 'array', minItems: 1, maxItems: MAX_REPORTS_PER_REQUEST, items: reportJsonSchema },
  },
} as const;

/** A report as the extension sends it (one type for both sides: lib/reports/types.ts). */
export type IncomingReport = ShareReport;

/** The schema requires exactly the report's fields: a field added on one side only does not compile. */
type SchemaFields = (typeof reportJsonSchema.required)[number];
type SameFields = [Exclude<keyof ShareReport, SchemaFields>, Exclude<SchemaFields, keyof ShareReport>] extends [never, never] ? true : false;
export const REPORT_SCHEMA_MATCHES_TYPE: SameFields = true;

export interface FieldIssue {
  path: string;
  message: string;
}
