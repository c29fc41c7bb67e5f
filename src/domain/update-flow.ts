// The life of a progress update (one commitment in one review period) and the checks on what is written in it.
//
//   not started ──write──▶ draft ──write──▶ draft ──submit──▶ submitted ──respond──▶ submitted
//                                                                │
//            (the reviewer signs the PERIOD off once every commitment's update is submitted)
//                                                                ▼
//                                                           signed off ──correct──▶ new version, signed off
//
// - The reviewer writes, edits and submits the update, signs the period off and corrects a signed-off update.
// - The organisation (plan owner or admin) adds and edits its response while the update is submitted.
// - Once the period is signed off it is locked: nothing changes, except by a correction, which stores a new
//   version with a reason and leaves the earlier versions as they were.
// Pure: no I/O.
import { FIELD_LIMITS } from './field-limits.ts';
import { ragLabel } from './rag.ts';
import { RAGS, type Rag, type UpdateState } from './types.ts';

/** Where one commitment's update stands in a period: 'not-started' when there is none yet. */
export type UpdateStage = 'not-started' | UpdateState;

export type UpdateAction = 'write' | 'submit' | 'respond' | 'correct';

/** What the acting user may do in the plan's organisation (from the authorisation check). */
export interface ActorRights {
  write: boolean;
  respond: boolean;
  signOff: boolean;
}

export type Refusal = { allowed: true } | { allowed: false; reason: 'forbidden' | 'locked' | 'wrong-state'; message: string };

export interface FieldError {
  field: string;
  message: string;
}

export const STAGE_LABELS: Record<UpdateStage, string> = {
  'not-started': 'Not started',
  draft: 'In progress',
  submitted: 'Submitted',
  'signed-off': 'Signed off',
};

const FROM: Record<UpdateAction, readonly UpdateStage[]> = {
  write: ['not-started', 'draft'],
  submit: ['draft'],
  respond: ['submitted'],
  correct: ['signed-off'],
};

const NEXT: Record<UpdateAction, UpdateState> = {
  write: 'draft',
  submit: 'submitted',
  respond: 'submitted',
  correct: 'signed-off',
};

const WRONG_STATE: Record<UpdateAction, string> = {
  write: 'This update has been submitted and can no longer be edited',
  submit: 'Only an update in progress can be submitted',
  respond: 'The organisation can respond only to a submitted update',
  correct: 'Only a signed-off update can be corrected',
};

const FORBIDDEN: Record<UpdateAction, string> = {
  write: 'Only a reviewer of this organisation can write its progress updates',
  submit: 'Only a reviewer of this organisation can submit its progress updates',
  respond: 'Only the plan owner or an admin of this organisation can respond to a progress update',
  correct: 'Only a reviewer of this organisation can correct its progress updates',
};

function permitted(action: UpdateAction, rights: ActorRights): boolean {
  return action === 'respond' ? rights.respond : rights.write;
}

/** The stage an update reaches by `action`. */
export function nextStage(action: UpdateAction): UpdateState {
  return NEXT[action];
}

/** May a user with `rights` do `action` to an update at `stage` in a period that is (or is not) signed off? */
export function checkAction(action: UpdateAction, stage: UpdateStage, periodLocked: boolean, rights: ActorRights): Refusal {
  if (!permitted(action, rights)) return { allowed: false, reason: 'forbidden', message: FORBIDDEN[action] };
  if (periodLocked && action !== 'correct') {
    return { allowed: false, reason: 'locked', message: 'This review period has been signed off: its updates can no longer be changed' };
  }
  if (!FROM[action].includes(stage)) return { allowed: false, reason: 'wrong-state', message: WRONG_STATE[action] };
  return { allowed: true };
}

export interface SignOffCommitment {
  id: number;
  number: number;
  stage: UpdateStage;
}

/**
 * Why the period cannot be signed off yet: one error per commitment whose update is not submitted, each
 * naming the commitment (field `commitment-<id>`, so an error summary can link to its task). Empty when it can.
 */
export function signOffProblems(commitments: readonly SignOffCommitment[]): FieldError[] {
  if (commitments.length === 0) return [{ field: 'period', message: 'There are no commitments to sign off in this plan' }];
  return commitments
    .filter((c) => c.stage !== 'submitted')
    .map((c) => ({
      field: `commitment-${c.id}`,
      message:
        c.stage === 'not-started'
          ? `Write and submit the update for commitment ${c.number} before signing off the period`
          : `Submit the update for commitment ${c.number} before signing off the period`,
    }));
}

/** May a user with `rights` sign off a period? */
export function checkSignOff(periodLocked: boolean, rights: ActorRights): Refusal {
  if (!rights.signOff) return { allowed: false, reason: 'forbidden', message: 'Only a reviewer of this organisation can sign off a review period' };
  if (periodLocked) return { allowed: false, reason: 'locked', message: 'This review period has already been signed off' };
  return { allowed: true };
}

// ---- content -------------------------------------------------------------------------------------------------

// The same limits as everywhere else a paragraph is typed (domain/field-limits.ts).
export const NARRATIVE_MAX = FIELD_LIMITS.paragraph;
export const REASON_MAX = FIELD_LIMITS.paragraph;
export const RESPONSE_MAX = FIELD_LIMITS.paragraph;

/** What the reviewer entered, as typed: the RAG is checked here, not assumed. */
export interface UpdateInput {
  rag?: string | null;
  narrative?: string | null;
  kpiRefs?: readonly number[];
  /** Why the RAG differs from the suggested one. */
  ragOverrideReason?: string | null;
}

export interface UpdateContent {
  rag: Rag;
  narrative: string;
  kpiRefs: number[];
  ragOverrideReason: string | null;
}

export interface ContentContext {
  /** The RAG suggested from the evidence when the update is saved. */
  suggested: Rag;
  /** Ids of the commitment's KPIs: the only ones an update may refer to. */
  kpiIds: readonly number[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function isRag(value: string): value is Rag {
  return RAGS.some((r) => r === value);
}

const count = (n: number): string => n.toLocaleString('en-GB');

function trimmed(text: string | null | undefined): string {
  return (text ?? '').trim();
}

/**
 * Checks an update as the reviewer typed it: a RAG, a narrative (at most NARRATIVE_MAX characters), KPI
 * references among the commitment's KPIs only, and — when the RAG is not the suggested one — a reason.
 * Returns the cleaned content or every problem at once, in the order of the form.
 */
export function checkUpdateContent(input: UpdateInput, context: ContentContext): Checked<UpdateContent> {
  const errors: FieldError[] = [];
  const rag = trimmed(input.rag).toLowerCase();
  if (!isRag(rag)) errors.push({ field: 'rag', message: 'Select a RAG status' });

  const narrative = trimmed(input.narrative);
  if (narrative === '') errors.push({ field: 'narrative', message: 'Enter a progress update' });
  else if (narrative.length > NARRATIVE_MAX) {
    errors.push({ field: 'narrative', message: `Progress update must be ${count(NARRATIVE_MAX)} characters or fewer` });
  }

  const refs = [...new Set(input.kpiRefs ?? [])];
  if (refs.some((id) => !context.kpiIds.includes(id))) {
    errors.push({ field: 'kpiRefs', message: 'Select only KPIs of this commitment' });
  }

  const reason = trimmed(input.ragOverrideReason);
  const overridden = isRag(rag) && rag !== context.suggested;
  if (overridden && reason === '') {
    errors.push({
      field: 'ragOverrideReason',
      message: `Enter a reason for choosing ${ragLabel(rag)} instead of the suggested ${ragLabel(context.suggested)}`,
    });
  } else if (overridden && reason.length > REASON_MAX) {
    errors.push({ field: 'ragOverrideReason', message: `Reason must be ${count(REASON_MAX)} characters or fewer` });
  }

  if (errors.length > 0 || !isRag(rag)) return { ok: false, errors };
  const ordered = context.kpiIds.filter((id) => refs.includes(id));
  return { ok: true, value: { rag, narrative, kpiRefs: ordered, ragOverrideReason: overridden ? reason : null } };
}

/** Checks a required text field: trimmed, present (else `missing`), and at most `max` characters (`what` names it). */
function requiredText(value: string | null | undefined, field: string, missing: string, what: string, max: number): Checked<string> {
  const text = trimmed(value);
  if (text === '') return { ok: false, errors: [{ field, message: missing }] };
  if (text.length > max) return { ok: false, errors: [{ field, message: `${what} must be ${count(max)} characters or fewer` }] };
  return { ok: true, value: text };
}

/** Checks the reason given for correcting a signed-off update. */
export function checkCorrectionReason(reason: string | null | undefined): Checked<string> {
  return requiredText(reason, 'correctionReason', 'Enter a reason for the correction', 'Reason', REASON_MAX);
}

/** Checks the organisation's response to a submitted update. */
export function checkResponse(response: string | null | undefined): Checked<string> {
  return requiredText(response, 'response', 'Enter the organisation’s response', 'Response', RESPONSE_MAX);
}
