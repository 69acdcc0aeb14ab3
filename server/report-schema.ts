import * as v from 'valibot';
import { PLATFORM_IDS } from '../lib/share/platforms';

/** PROTOCOL §3.3: every field present; `post_url` and `item_url` may be null. Unknown fields are ignored, so newer clients still report. */

const uuid = v.pipe(v.string(), v.uuid('must be a UUID'));
const dateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be an RFC 3339 date-time'),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'must be a real date'),
);
const absoluteUrl = v.pipe(v.string(), v.maxLength(2048), v.url('must be an absolute URL'));

export const reportSchema = v.object({
  id: uuid,
  feed_url: absoluteUrl,
  item_id: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  item_url: v.nullable(absoluteUrl),
  platform: v.picklist(PLATFORM_IDS, 'must be a platform id of PROTOCOL §3.1'),
  status: v.picklist(['published', 'confirmed']),
  method: v.picklist(['composer', 'intent', 'manual']),
  post_url: v.nullable(absoluteUrl),
  shared_at: dateTime,
  reporter: v.object({
    id: v.pipe(v.string(), v.maxLength(100)),
    name: v.pipe(v.string(), v.maxLength(200)),
    unit: v.pipe(v.string(), v.maxLength(300)),
  }),
  client: v.object({
    name: v.pipe(v.string(), v.maxLength(100)),
    version: v.pipe(v.string(), v.maxLength(100)),
  }),
});

export const MAX_REPORTS_PER_REQUEST = 100;

export const requestSchema = v.object({
  reports: v.pipe(
    v.array(reportSchema),
    v.minLength(1, 'must hold at least one report'),
    v.maxLength(MAX_REPORTS_PER_REQUEST, `must hold at most ${MAX_REPORTS_PER_REQUEST} reports`),
  ),
});

export type IncomingReport = v.InferOutput<typeof reportSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

export function validateRequest(body: unknown): { ok: true; reports: IncomingReport[] } | { ok: false; issues: FieldIssue[] } {
  const result = v.safeParse(requestSchema, body);
  if (result.success) return { ok: true, reports: result.output.reports };
  return {
    ok: false,
    issues: result.issues.slice(0, 50).map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    })),
  };
}
