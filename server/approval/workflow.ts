import { message } from '../i18n/messages';
import { problem, type Problem } from '../problems';

/**
 * The approval rules of a post, as a pure function: (state, action, who, when) → the
 * next state and its audit row, or the rule that refuses it. The store applies the
 * result inside one transaction, guarded by the version the person saw.
 *
 *   draft ──submit──▶ submitted ──approve (×1 or ×2)──▶ approved (live)
 *     ▲                  │  └──return + comment──▶ returned ──edit/submit──▶ …
 *     └──────edit────────┘
 *   approved ──edit──▶ draft of a new revision; the approved revision STAYS LIVE
 *   approved ──withdraw──▶ withdrawn (leaves the feed at its next version)
 *
 * Editing an approved post keeps the approved revision in the feed until the change
 * is approved: a typo fix must not pull a campaign from thousands of browsers in the
 * middle of the day, and what is live is always something a second person approved.
 * A post that must go at once is withdrawn, which is its own action.
 */

export type Role = 'admin' | 'editor' | 'approver';

export type PostStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'withdrawn';

export interface Actor {
  id: number;
  name: string;
  role: Role;
}

export interface WorkflowState {
  status: PostStatus;
  /** Rises with every change: a person's action names the version they saw. */
  version: number;
  authorId: number;
  /** The revision being written or waiting for approval (the newest). */
  revision: number;
  /** The approved revision in the feed; null when nothing is live. */
  liveRevision: number | null;
  /** Who wrote or changed the pending revision since the last approval: none of them may approve it. */
  contributors: number[];
  /** Approvals of the pending revision so far. */
  approvals: { userId: number; name: string; at: string }[];
  /** Who made the last change and when, for the stale-version message. */
  changedBy: string;
  changedAt: string;
}

export type WorkflowAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'approve' }
  | { type: 'return'; comment: string }
  | { type: 'withdraw'; comment?: string };

export interface AuditRow {
  at: string;
  actorId: number;
  actor: string;
  action: WorkflowAction['type'] | 'create' | 'go_live';
  /** What it was before: the post's workflow state. */
  before: Pick<WorkflowState, 'status' | 'version' | 'revision' | 'liveRevision'> | null;
  comment: string | null;
}

export interface WorkflowContext {
  actor: Actor;
  /** The version the person saw when they acted. */
  expectedVersion: number;
  now: Date;
  /** Office setting: 1 or 2 approvals, from different people. */
  requiredApprovals: 1 | 2;
  /** For the stale-version message: a time as the office reads it. */
  formatTime?: (instant: Date) => string;
}

export type WorkflowResult = { ok: true; state: WorkflowState; audit: AuditRow; goesLive: boolean } | { ok: false; status: 403 | 409 | 400; problem: Problem };

const ALLOWED: Record<WorkflowAction['type'], readonly Role[]> = {
  edit: ['editor', 'admin'],
  submit: ['editor', 'admin'],
  approve: ['approver', 'admin'],
  return: ['approver', 'admin'],
  withdraw: ['approver', 'admin'],
};


const FROM: Record<WorkflowAction['type'], readonly PostStatus[]> = {
  edit: ['draft', 'submitted', 'returned', 'approved', 'withdrawn'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  withdraw: ['approved', 'draft', 'submitted', 'returned'],
};

export function createPost(actor: Actor, now: Date): { state: WorkflowState; audit: AuditRow } | { ok: false; status: 403; problem: Problem } {
  if (!ALLOWED.edit.includes(actor.role)) return refuseRole(actor, 'edit');
  const at = now.toISOString();
  return {
    state: { status: 'draft', version: 1, authorId: actor.id, revision: 1, liveRevision: null, contributors: [actor.id], approvals: [], changedBy: actor.name, changedAt: at },
    audit: { at, actorId: actor.id, actor: actor.name, action: 'create', before: null, comment: null },
  };
}

function refuseRole(actor: Actor, action: WorkflowAction['type']): { ok: false; status: 403; problem: Problem } {
  const verb = `verb.${action}` as const;
  return { ok: false, status: 403, problem: problem('forbidden_role', { role: actor.role, action_id: message('id', verb), action_en: message('en', verb) }) };
}

export function applyAction(state: WorkflowState, action: WorkflowAction, context: WorkflowContext): WorkflowResult {
  const { actor, now } = context;
  if (!ALLOWED[action.type].includes(actor.role)) return refuseRole(actor, action.type);
  if (context.expectedVersion !== state.version) {
    const at = context.formatTime ? context.formatTime(new Date(state.changedAt)) : state.changedAt;
    return { ok: false, status: 409, problem: problem('stale_version', { by: state.changedBy, at }) };
  }
  const live = state.liveRevision !== null;
  if (!FROM[action.type].includes(state.status) || (action.type === 'withdraw' && !live)) {
    if (action.type === 'withdraw') return { ok: false, status: 409, problem: problem('not_live') };
    const verb = `verb.${action.type}` as const;
    const status = `status.${state.status}` as const;
    return {
      ok: false,
      status: 409,
      problem: problem('bad_state', { action_id: message('id', verb), action_en: message('en', verb), status_id: message('id', status), status_en: message('en', status) }),
    };
  }

  const at = now.toISOString();
  const before = { status: state.status, version: state.version, revision: state.revision, liveRevision: state.liveRevision };
  const next: WorkflowState = { ...state, version: state.version + 1, changedBy: actor.name, changedAt: at };
  let goesLive = false;
  let comment: string | null = null;

  switch (action.type) {
    case 'edit': {
      // A change after approval (or of a withdrawn post) is a new revision; the approved one stays as it was.
      const newRevision = state.status === 'approved' || state.status === 'withdrawn';
      next.revision = newRevision ? state.revision + 1 : state.revision;
      next.status = 'draft';
      next.contributors = newRevision ? [actor.id] : [...new Set([...state.contributors, actor.id])];
      // Approvers approve what they read: an edit while waiting clears earlier approvals.
      next.approvals = [];
      break;
    }
    case 'submit':
      next.status = 'submitted';
      next.approvals = [];
      break;
    case 'approve': {
      if (actor.id === state.authorId || state.contributors.includes(actor.id)) {
        return { ok: false, status: 403, problem: problem('own_post') };
      }
      if (state.approvals.some((approval) => approval.userId === actor.id)) {
        return { ok: false, status: 403, problem: problem('already_approved_by_you') };
      }
      next.approvals = [...state.approvals, { userId: actor.id, name: actor.name, at }];
      if (next.approvals.length >= context.requiredApprovals) {
        next.status = 'approved';
        next.liveRevision = state.revision;
        next.contributors = [];
        goesLive = true;
      }
      break;
    }
    case 'return': {
      comment = action.comment.trim();
      if (!comment) return { ok: false, status: 400, problem: problem('comment_required', {}, 'comment') };
      next.status = 'returned';
      next.approvals = [];
      break;
    }
    case 'withdraw':
      comment = action.comment?.trim() || null;
      next.liveRevision = null;
      // A withdrawn post with a change waiting keeps that change waiting; its approval puts it live again.
      if (state.status === 'approved') next.status = 'withdrawn';
      break;
  }
  return { ok: true, state: next, goesLive, audit: { at, actorId: actor.id, actor: actor.name, action: action.type, before, comment } };
}

/** What a person may do with the post now, for the page's buttons: the same rules, asked in advance. */
export function allowedActions(state: WorkflowState, actor: Actor, requiredApprovals: 1 | 2): WorkflowAction['type'][] {
  const context = { actor, expectedVersion: state.version, now: new Date(), requiredApprovals };
  const actions: WorkflowAction[] = [{ type: 'edit' }, { type: 'submit' }, { type: 'approve' }, { type: 'return', comment: '-' }, { type: 'withdraw' }];
  return actions.filter((action) => applyAction(state, action, context).ok).map((action) => action.type);
}
