import { describe, expect, it } from 'vitest';
import {
  NARRATIVE_MAX,
  checkAction,
  checkCorrectionReason,
  checkResponse,
  checkSignOff,
  checkUpdateContent,
  signOffProblems,
  type ActorRights,
  type UpdateAction,
  type UpdateStage,
} from '../../src/domain/update-flow.ts';

const reviewer: ActorRights = { write: true, respond: false, signOff: true };
const owner: ActorRights = { write: false, respond: true, signOff: false };

describe('checkAction', () => {
  const stages: UpdateStage[] = ['not-started', 'draft', 'submitted', 'signed-off'];
  const allowedFrom: Record<UpdateAction, UpdateStage[]> = {
    write: ['not-started', 'draft'],
    submit: ['draft'],
    respond: ['submitted'],
    correct: ['signed-off'],
  };

  it('allows each action only from its stages, in an open period', () => {
    for (const [action, from] of Object.entries(allowedFrom) as [UpdateAction, UpdateStage[]][]) {
      const actor = action === 'respond' ? owner : reviewer;
      const allowed = stages.filter((s) => checkAction(action, s, false, actor).allowed);
      expect(allowed, action).toEqual(from);
    }
  });

  it('refuses the reviewer’s actions to the plan owner and the response to the reviewer', () => {
    expect(checkAction('write', 'draft', false, owner)).toEqual({
      allowed: false,
      reason: 'forbidden',
      message: 'Only a reviewer of this organisation can write its progress updates',
    });
    expect(checkAction('submit', 'draft', false, owner)).toMatchObject({ allowed: false, reason: 'forbidden' });
    expect(checkAction('correct', 'signed-off', true, owner)).toMatchObject({ allowed: false, reason: 'forbidden' });
    expect(checkAction('respond', 'submitted', false, reviewer)).toMatchObject({ allowed: false, reason: 'forbidden' });
  });

  it('locks everything but corrections once the period is signed off', () => {
    expect(checkAction('write', 'draft', true, reviewer)).toMatchObject({ allowed: false, reason: 'locked' });
    expect(checkAction('respond', 'submitted', true, owner)).toMatchObject({ allowed: false, reason: 'locked' });
    expect(checkAction('correct', 'signed-off', true, reviewer)).toEqual({ allowed: true });
  });

  it('lets only the reviewer sign off, once', () => {
    expect(checkSignOff(false, reviewer)).toEqual({ allowed: true });
    expect(checkSignOff(false, owner)).toMatchObject({ allowed: false, reason: 'forbidden' });
    expect(checkSignOff(true, reviewer)).toMatchObject({ allowed: false, reason: 'locked' });
  });
});

describe('signOffProblems', () => {
  it('names every commitment whose update is not submitted', () => {
    expect(
      signOffProblems([
        { id: 11, number: 1, stage: 'submitted' },
        { id: 12, number: 2, stage: 'draft' },
        { id: 13, number: 3, stage: 'not-started' },
      ]),
    ).toEqual([
      { field: 'commitment-12', message: 'Submit the update for commitment 2 before signing off the period' },
      { field: 'commitment-13', message: 'Write and submit the update for commitment 3 before signing off the period' },
    ]);
  });

  it('has none when every update is submitted, and refuses a plan without commitments', () => {
    expect(signOffProblems([{ id: 1, number: 1, stage: 'submitted' }])).toEqual([]);
    expect(signOffProblems([])).toHaveLength(1);
  });
});

describe('checkUpdateContent', () => {
  const context = { suggested: 'green' as const, kpiIds: [5, 6] };

  it('accepts the suggested RAG without a reason and cleans the answers', () => {
    expect(checkUpdateContent({ rag: 'Green', narrative: '  Chair appointed. ', kpiRefs: [6, 5, 6], ragOverrideReason: 'ignored' }, context)).toEqual({
      ok: true,
      value: { rag: 'green', narrative: 'Chair appointed.', kpiRefs: [5, 6], ragOverrideReason: null },
    });
  });

  it('requires a reason for another RAG, naming both', () => {
    expect(checkUpdateContent({ rag: 'amber', narrative: 'Behind', kpiRefs: [] }, context)).toEqual({
      ok: false,
      errors: [{ field: 'ragOverrideReason', message: 'Enter a reason for choosing Amber instead of the suggested Green' }],
    });
    expect(checkUpdateContent({ rag: 'amber', narrative: 'Behind', ragOverrideReason: 'Chair resigned' }, context)).toMatchObject({
      ok: true,
      value: { rag: 'amber', ragOverrideReason: 'Chair resigned' },
    });
  });

  it('lists every problem at once, in the order of the form', () => {
    const result = checkUpdateContent({ rag: 'purple', narrative: '   ', kpiRefs: [5, 99] }, context);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'rag', message: 'Select a RAG status' },
        { field: 'narrative', message: 'Enter a progress update' },
        { field: 'kpiRefs', message: 'Select only KPIs of this commitment' },
      ],
    });
  });

  it('limits the narrative to 20,000 characters, as every paragraph', () => {
    expect(checkUpdateContent({ rag: 'green', narrative: 'x'.repeat(NARRATIVE_MAX) }, context).ok).toBe(true);
    expect(checkUpdateContent({ rag: 'green', narrative: 'x'.repeat(NARRATIVE_MAX + 1) }, context)).toEqual({
      ok: false,
      errors: [{ field: 'narrative', message: 'Progress update must be 20,000 characters or fewer' }],
    });
  });
});

describe('reasons and responses', () => {
  it('require text', () => {
    expect(checkCorrectionReason(' ')).toEqual({ ok: false, errors: [{ field: 'correctionReason', message: 'Enter a reason for the correction' }] });
    expect(checkCorrectionReason(' Wrong KPI figure ')).toEqual({ ok: true, value: 'Wrong KPI figure' });
    expect(checkResponse(undefined)).toEqual({ ok: false, errors: [{ field: 'response', message: 'Enter the organisation’s response' }] });
    expect(checkResponse('Agreed')).toEqual({ ok: true, value: 'Agreed' });
  });
});
