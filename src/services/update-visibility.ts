// ONE rule for who may see which progress updates, asked by every channel: the pages (overview, commitment page,
// review pages, history), every export (Word, PDF, Excel, CSV, JSON, calendar), the public page and its CSV.
//
//   state of the update            reviewer of the org   other member of the org   public / anyone else
//   draft (work in progress)       yes                   no                        no
//   submitted (awaiting sign-off)  yes                   yes                       no
//   imported with the plan         yes                   yes                       no
//   signed off (current version)   yes                   yes                       yes
//   earlier versions (corrected)   yes                   yes                       no
//   organisation's response        yes                   yes                       no
//
// "Reviewer" is whoever may write the organisation's updates ('update:write'); "member" whoever may read its
// plans ('plan:read'). The command line acts for the organisation as a member who does not write updates.
// A channel may show less than this (a RAG a commitment *stands at* never comes from a draft, see
// `standingStates`), never more.
import type { UpdateState } from '../domain/types.ts';
import type { PlanDetail, ProgressUpdateRecord } from '../domain/records.ts';
import { can, type CurrentUser } from './accounts.ts';

/** Who is looking: a signed-in user (or nobody), the public (published pages), or the command line. */
export type UpdateViewer = { kind: 'user'; user: CurrentUser | null | undefined } | { kind: 'public' } | { kind: 'command-line' };

export const PUBLIC_VIEWER: UpdateViewer = { kind: 'public' };
export const COMMAND_LINE_VIEWER: UpdateViewer = { kind: 'command-line' };
export const userViewer = (user: CurrentUser | null | undefined): UpdateViewer => ({ kind: 'user', user });

export interface UpdateVisibility {
  /** The reviewer's work in progress. */
  drafts: boolean;
  /** Submitted, not yet signed off (and the Area Lead text imported with the plan). */
  submitted: boolean;
  /** Signed off. */
  signedOff: boolean;
  /** Versions a correction replaced (when false, only the current version of a period's update is seen). */
  earlierVersions: boolean;
  /** The organisation's response to an update. */
  responses: boolean;
}

const NOTHING: UpdateVisibility = { drafts: false, submitted: false, signedOff: false, earlierVersions: false, responses: false };
const PUBLIC: UpdateVisibility = { ...NOTHING, signedOff: true };
const MEMBER: UpdateVisibility = { drafts: false, submitted: true, signedOff: true, earlierVersions: true, responses: true };
const REVIEWER: UpdateVisibility = { ...MEMBER, drafts: true };

/** What `viewer` may see of the progress updates of a plan of organisation `organisationId`. */
export function updateVisibility(viewer: UpdateViewer, organisationId: number): UpdateVisibility {
  switch (viewer.kind) {
    case 'public':
      return PUBLIC;
    case 'command-line':
      return MEMBER;
    case 'user':
      if (can(viewer.user, 'update:write', organisationId)) return REVIEWER;
      if (can(viewer.user, 'plan:read', organisationId)) return MEMBER;
      return NOTHING;
  }
}

type UpdateLike = Pick<ProgressUpdateRecord, 'state'>;
type VersionedUpdate = Pick<ProgressUpdateRecord, 'state' | 'commitmentId' | 'reviewPeriodId' | 'version' | 'id'>;

/** May an update in this state be seen (whatever its version)? */
export function maySeeState(v: UpdateVisibility, state: UpdateState): boolean {
  return state === 'draft' ? v.drafts : state === 'submitted' ? v.submitted : v.signedOff;
}

export function maySeeUpdate(v: UpdateVisibility, u: UpdateLike): boolean {
  return maySeeState(v, u.state);
}

/**
 * The updates `v` may see, in their order: states it may not see are dropped; without `earlierVersions` only the
 * highest visible version of each commitment's update in a period is kept; without `responses` responses are
 * blanked. Updates imported with the plan (no period) are each their own update.
 */
export function visibleUpdates<T extends VersionedUpdate & { response?: string | null }>(v: UpdateVisibility, list: readonly T[]): T[] {
  const seen = list.filter((u) => maySeeUpdate(v, u));
  let kept = seen;
  if (!v.earlierVersions) {
    const key = (u: T) => (u.reviewPeriodId === null ? `imported-${u.id}` : `${u.commitmentId}-${u.reviewPeriodId}`);
    const latest = new Map<string, T>();
    for (const u of seen) {
      const other = latest.get(key(u));
      if (!other || u.version > other.version) latest.set(key(u), u);
    }
    kept = seen.filter((u) => latest.get(key(u)) === u);
  }
  return v.responses ? kept : kept.map((u) => ('response' in u ? { ...u, response: null } : u));
}

/** The states whose RAG a commitment can *stand at* for this viewer: never a draft; the public signed-off only. */
export function standingStates(v: UpdateVisibility): UpdateState[] {
  return (['submitted', 'signed-off'] as const).filter((s) => maySeeState(v, s));
}

/** The plan with only the updates `v` may see. */
export function planForViewer<P extends PlanDetail>(plan: P, v: UpdateVisibility): P {
  return { ...plan, commitments: plan.commitments.map((c) => ({ ...c, updates: visibleUpdates(v, c.updates) })) };
}

/** "not yet signed off" beside a RAG from a submitted update; null for a signed-off one. */
export function signOffNote(state: UpdateState): string | null {
  return state === 'signed-off' ? null : 'not yet signed off';
}
