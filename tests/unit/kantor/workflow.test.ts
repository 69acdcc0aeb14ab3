import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction, createPost, type Actor, type WorkflowAction, type WorkflowState } from '../../../server/approval/workflow';

const editor: Actor = { id: 1, name: 'Rina (penyusun)', role: 'editor' };
const editor2: Actor = { id: 2, name: 'Dedi (penyusun)', role: 'editor' };
const approver: Actor = { id: 3, name: 'Kabid IKP', role: 'approver' };
const approver2: Actor = { id: 4, name: 'Kadis', role: 'approver' };
const admin: Actor = { id: 5, name: 'Admin', role: 'admin' };
const now = new Date('2026-11-26T01:00:00Z');

function draft(author: Actor = editor): WorkflowState {
  const created = createPost(author, now);
  if ('ok' in created) throw new Error('refused');
  return created.state;
}

function act(state: WorkflowState, actor: Actor, action: WorkflowAction, requiredApprovals: 1 | 2 = 1) {
  return applyAction(state, action, { actor, expectedVersion: state.version, now, requiredApprovals });
}

function must(state: WorkflowState, actor: Actor, action: WorkflowAction, requiredApprovals: 1 | 2 = 1): WorkflowState {
  const result = act(state, actor, action, requiredApprovals);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.problem.en}`);
  return result.state;
}

const approved = () => must(must(draft(), editor, { type: 'submit' }), approver, { type: 'approve' });

describe('the approval workflow', () => {
  it('runs draft → submitted → approved, and the approved revision goes live', () => {
    const submitted = must(draft(), editor, { type: 'submit' });
    expect(submitted).toMatchObject({ status: 'submitted', version: 2, liveRevision: null });
    const result = act(submitted, approver, { type: 'approve' });
    expect(result).toMatchObject({ ok: true, goesLive: true, state: { status: 'approved', liveRevision: 1, version: 3 } });
  });

  it('lets only editors and admins write, only approvers and admins approve', () => {
    expect(createPost(approver, now)).toMatchObject({ ok: false, status: 403, problem: { code: 'forbidden_role' } });
    const submitted = must(draft(), editor, { type: 'submit' });
    expect(act(submitted, editor2, { type: 'approve' })).toMatchObject({ ok: false, status: 403, problem: { code: 'forbidden_role' } });
    expect(act(draft(), approver, { type: 'edit' })).toMatchObject({ ok: false, status: 403 });
    expect(act(draft(), approver, { type: 'submit' })).toMatchObject({ ok: false, status: 403 });
    expect(act(submitted, editor, { type: 'return', comment: 'x' })).toMatchObject({ ok: false, status: 403 });
    expect(act(approved(), editor, { type: 'withdraw' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses anyone approving their own post, even an admin', () => {
    const mine = must(draft(admin), admin, { type: 'submit' });
    const result = act(mine, admin, { type: 'approve' });
    expect(result).toMatchObject({ ok: false, status: 403, problem: { code: 'own_post' } });
    if (!result.ok) expect(result.problem.en).toContain('cannot approve a post you wrote or changed');
  });

  it('refuses approval by someone who changed the pending revision, though another wrote it', () => {
    const edited = must(draft(), admin, { type: 'edit' });
    const submitted = must(edited, editor, { type: 'submit' });
    expect(act(submitted, admin, { type: 'approve' })).toMatchObject({ ok: false, problem: { code: 'own_post' } });
    expect(act(submitted, approver, { type: 'approve' }).ok).toBe(true);
  });

  it('returns a post only with a comment, and the editor can resubmit', () => {
    const submitted = must(draft(), editor, { type: 'submit' });
    expect(act(submitted, approver, { type: 'return', comment: '  ' })).toMatchObject({ ok: false, status: 400, problem: { code: 'comment_required' } });
    const returned = act(submitted, approver, { type: 'return', comment: 'Tautan salah' });
    expect(returned).toMatchObject({ ok: true, state: { status: 'returned' }, audit: { action: 'return', comment: 'Tautan salah', before: { status: 'submitted' } } });
    if (!returned.ok) return;
    expect(act(returned.state, approver, { type: 'approve' })).toMatchObject({ ok: false, status: 409, problem: { code: 'bad_state' } });
    expect(must(must(returned.state, editor, { type: 'edit' }), editor, { type: 'submit' }).status).toBe('submitted');
  });

  it('cannot approve a draft that was never submitted', () => {
    expect(act(draft(), approver, { type: 'approve' })).toMatchObject({ ok: false, status: 409, problem: { code: 'bad_state' } });
  });

  it('changes an approved post only through a new approval: the approved revision stays live meanwhile', () => {
    const edited = must(approved(), editor2, { type: 'edit' });
    expect(edited).toMatchObject({ status: 'draft', revision: 2, liveRevision: 1, contributors: [2] });
    const resubmitted = must(edited, editor2, { type: 'submit' });
    expect(resubmitted.liveRevision).toBe(1);
    const result = act(resubmitted, approver, { type: 'approve' });
    expect(result).toMatchObject({ ok: true, goesLive: true, state: { status: 'approved', liveRevision: 2 } });
  });

  it('an edit while waiting clears the approvals given so far', () => {
    const once = must(must(draft(), editor, { type: 'submit' }), approver, { type: 'approve' }, 2);
    expect(once).toMatchObject({ status: 'submitted', approvals: [{ userId: 3 }] });
    const edited = must(once, editor, { type: 'edit' });
    expect(edited).toMatchObject({ status: 'draft', approvals: [] });
  });

  it('with two approvals required, needs two different approvers', () => {
    const submitted = must(draft(), editor, { type: 'submit' });
    const once = act(submitted, approver, { type: 'approve' }, 2);
    expect(once).toMatchObject({ ok: true, goesLive: false, state: { status: 'submitted', liveRevision: null } });
    if (!once.ok) return;
    expect(act(once.state, approver, { type: 'approve' }, 2)).toMatchObject({ ok: false, problem: { code: 'already_approved_by_you' } });
    expect(act(once.state, approver2, { type: 'approve' }, 2)).toMatchObject({ ok: true, goesLive: true, state: { status: 'approved', liveRevision: 1 } });
  });

  it('withdraws a live post; a waiting change stays waiting', () => {
    expect(act(approved(), approver, { type: 'withdraw' })).toMatchObject({ ok: true, state: { status: 'withdrawn', liveRevision: null } });
    const changing = must(approved(), editor, { type: 'edit' });
    expect(act(changing, approver, { type: 'withdraw' })).toMatchObject({ ok: true, state: { status: 'draft', liveRevision: null } });
    expect(act(draft(), approver, { type: 'withdraw' })).toMatchObject({ ok: false, status: 409, problem: { code: 'not_live' } });
  });

  it('brings a withdrawn post back only through a new revision and a new approval', () => {
    const withdrawn = must(approved(), approver, { type: 'withdraw' });
    expect(act(withdrawn, approver, { type: 'approve' }).ok).toBe(false);
    const edited = must(withdrawn, editor, { type: 'edit' });
    expect(edited).toMatchObject({ revision: 2, liveRevision: null });
  });

  it('refuses a stale version with who changed it and when, and changes nothing', () => {
    const state = draft();
    const changed = must(state, editor2, { type: 'edit' });
    const result = applyAction(changed, { type: 'edit' }, { actor: editor, expectedVersion: state.version, now, requiredApprovals: 1, formatTime: () => '26-11-2026 08:00 WIB' });
    expect(result).toMatchObject({ ok: false, status: 409, problem: { code: 'stale_version' } });
    if (!result.ok) {
      expect(result.problem.id).toContain('Dedi (penyusun) pada 26-11-2026 08:00 WIB');
      expect(result.problem.en).toContain('not saved over it');
    }
  });

  it('writes an audit row for every action: who, when and what it was before', () => {
    const submitted = act(draft(), editor, { type: 'submit' });
    expect(submitted).toMatchObject({
      ok: true,
      audit: { at: now.toISOString(), actorId: 1, actor: 'Rina (penyusun)', action: 'submit', before: { status: 'draft', version: 1, revision: 1, liveRevision: null } },
    });
  });

  it('offers each person only what the rules allow', () => {
    const submitted = must(draft(), editor, { type: 'submit' });
    expect(allowedActions(submitted, editor, 1)).toEqual(['edit']);
    expect(allowedActions(submitted, approver, 1)).toEqual(['approve', 'return']);
    expect(allowedActions(approved(), approver, 1)).toEqual(['withdraw']);
    expect(allowedActions(approved(), admin, 1)).toEqual(['edit', 'withdraw']);
  });
});
