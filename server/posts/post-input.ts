import * as v from 'valibot';
import { safeUrl } from '../../lib/feed/safe-url';
import type { CaptionKey } from '../../lib/feed/types';
import { isPlatformId, type PlatformId } from '../../lib/share/platforms';
import { problem, type Problem, type ProblemCode } from '../problems';
import { formatOfficeTime, readWindowTime, type OfficeZone } from './office-zone';

/**
 * A post as an editor sends it (the form or the JSON API) → the post's content as
 * stored. Text is stored exactly as typed (HTML included: it is escaped wherever it is
 * shown, never run); blank optional fields become null; hashtags lose their `#`.
 */

export const POST_LIMITS = {
  title: 200,
  summary: 2000,
  link: 2000,
  caption: 5000,
  variants: 10,
  hashtags: 30,
  hashtag: 100,
  campaign: 120,
  priorityMin: -100,
  priorityMax: 100,
} as const;

/** The content of one revision of a post. Times are instants (ISO 8601, UTC). */
export interface PostContent {
  title: string;
  summary: string;
  link: string | null;
  /** The id of an uploaded image, or null. */
  image: string | null;
  captions: Partial<Record<CaptionKey, string[]>>;
  hashtags: string[];
  /** null: every platform. */
  platforms: PlatformId[] | null;
  campaign: string | null;
  priority: number;
  validFrom: string | null;
  validUntil: string | null;
}

/** Valibot carries our problem code and its parameters in the issue's message. */
const says = (code: ProblemCode, params: Record<string, string | number> = {}) => JSON.stringify({ code, params });

const text = (max: number) =>
  v.pipe(
    v.optional(v.nullable(v.string(says('not_an_object'))), ''),
    v.transform((value) => value ?? ''),
    v.maxLength(max, says('too_long', { max })),
  );

const optionalText = (max: number) =>
  v.pipe(
    text(max),
    v.transform((value) => (value.trim() === '' ? null : value.trim())),
  );

const link = v.pipe(
  optionalText(POST_LIMITS.link),
  v.check((value) => value === null || safeUrl(value) !== null, says('bad_link')),
  v.transform((value) => (value === null ? null : safeUrl(value))),
);

const variants = v.pipe(
  v.union([v.string(), v.array(v.string())], says('not_an_object')),
  v.transform((value) => (Array.isArray(value) ? value : [value]).map((variant) => variant.replace(/\r\n?/g, '\n'))),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    dataset.value.forEach((variant, index) => {
      if ([...variant].length > POST_LIMITS.caption) {
        addIssue({ message: says('too_long', { max: POST_LIMITS.caption }), path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: variant }] });
      }
    });
  }),
  // A form has a fixed number of variant boxes: the blank ones are simply unused.
  v.transform((list) => list.filter((variant) => variant.trim() !== '')),
  v.maxLength(POST_LIMITS.variants, says('too_many', { max: POST_LIMITS.variants })),
);

const captions = v.pipe(
  v.optional(v.nullable(v.record(v.string(), variants, says('not_an_object'))), {}),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const key of Object.keys(dataset.value ?? {})) {
      if (key !== 'default' && !isPlatformId(key)) addIssue({ message: says('bad_platform', { platform: key }) });
    }
  }),
  v.transform((record) => {
    const out: Partial<Record<CaptionKey, string[]>> = {};
    for (const [key, list] of Object.entries(record ?? {})) if (list.length > 0) out[key as CaptionKey] = list;
    return out;
  }),
);

const HASHTAG = /^[\p{L}\p{N}_]+$/u;

const hashtags = v.pipe(
  v.optional(v.nullable(v.union([v.string(), v.array(v.string())], says('not_an_object'))), []),
  // A text field may hold them as `#SAIK2019, #ASNMilenial` or one per line.
  v.transform((value) => (typeof value === 'string' ? value.split(/[\s,]+/) : (value ?? []))),
  v.transform((list) => list.map((tag) => tag.trim().replace(/^#+/, '')).filter((tag) => tag !== '')),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const tag of dataset.value) {
      if (!HASHTAG.test(tag) || tag.length > POST_LIMITS.hashtag) addIssue({ message: says('bad_hashtag', { tag }) });
    }
  }),
  v.transform((list) => list.filter((tag, i) => list.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === i)),
  v.maxLength(POST_LIMITS.hashtags, says('too_many', { max: POST_LIMITS.hashtags })),
);

const platforms = v.pipe(
  v.optional(v.nullable(v.array(v.string(), says('not_an_object'))), null),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const platform of dataset.value ?? []) {
      if (!isPlatformId(platform)) addIssue({ message: says('bad_platform', { platform }) });
    }
  }),
  // None ticked means every platform, as in the feed (PROTOCOL §2.2).
  v.transform((list) => (list && list.length > 0 ? ([...new Set(list)] as PlatformId[]) : null)),
);

const priorityMessage = says('bad_priority', { min: POST_LIMITS.priorityMin, max: POST_LIMITS.priorityMax });
const priority = v.pipe(
  v.optional(v.nullable(v.union([v.number(), v.string()], priorityMessage)), 0),
  v.transform((value) => (value === null || value === '' ? 0 : Number(value))),
  v.integer(priorityMessage),
  v.minValue(POST_LIMITS.priorityMin, priorityMessage),
  v.maxValue(POST_LIMITS.priorityMax, priorityMessage),
);

const windowTime = (zone: OfficeZone) =>
  v.pipe(
    optionalText(64),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (dataset.value === null) return null;
      const instant = readWindowTime(dataset.value, zone);
      if (instant) return instant.toISOString();
      addIssue({ message: says('bad_datetime') });
      return NEVER;
    }),
  );

function postSchema(zone: OfficeZone) {
  return v.pipe(
    v.object(
      {
        title: v.pipe(
          text(POST_LIMITS.title),
          v.transform((value) => value.trim()),
          v.nonEmpty(says('required')),
        ),
        summary: v.pipe(text(POST_LIMITS.summary), v.transform((value) => value.trim())),
        link,
        image: optionalText(200),
        captions,
        hashtags,
        platforms,
        campaign: optionalText(POST_LIMITS.campaign),
        priority,
        valid_from: windowTime(zone),
        valid_until: windowTime(zone),
      },
      says('not_an_object'),
    ),
    v.forward(
      v.check(
        (post) => !post.valid_from || !post.valid_until || post.valid_from < post.valid_until,
        (issue) => {
          const post = issue.input as { valid_from: string; valid_until: string };
          return says('window_order', {
            from: formatOfficeTime(new Date(post.valid_from), zone),
            until: formatOfficeTime(new Date(post.valid_until), zone),
          });
        },
      ),
      ['valid_until'],
    ),
  );
}

export type ParsedPost = { ok: true; post: PostContent } | { ok: false; problems: Problem[] };

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const field = v.getDotPath(issue) ?? undefined;
  try {
    const { code, params } = JSON.parse(issue.message) as { code: ProblemCode; params: Record<string, string | number> };
    return problem(code, params, field);
  } catch {
    // valibot's own message (e.g. a missing key's type): still one clear sentence.
    return problem(issue.kind === 'schema' && issue.received === 'undefined' ? 'required' : 'not_an_object', {}, field);
  }
}

/** Reads a post from a form or the API; every problem at once, each with its field. */
export function parsePostInput(input: unknown, zone: OfficeZone): ParsedPost {
  const result = v.safeParse(postSchema(zone), input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, problems: result.issues.map(toProblem) };
  const post = result.output;
  return {
    ok: true,
    post: {
      title: post.title,
      summary: post.summary,
      link: post.link,
      image: post.image,
      captions: post.captions,
      hashtags: post.hashtags,
      platforms: post.platforms,
      campaign: post.campaign,
      priority: post.priority,
      validFrom: post.valid_from,
      validUntil: post.valid_until,
    },
  };
}
