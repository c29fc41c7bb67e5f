// Who may use the plan-editing pages, as access rules (plugins/access.ts): someone outside the plan's organisation
// gets the same 404 as for something that does not exist; a member without the right gets a 403 saying so.
import type { AccessRule } from '../../plugins/access.ts';

export const EDIT_REFUSAL = 'Your role does not let you make this change. Ask the plan owner if you think it should.';

/** The plan's settings and its list of commitments: plan owners and admins. */
export const EDIT_PLAN: AccessRule = { kind: 'plan', action: 'plan:edit', refusal: EDIT_REFUSAL };

/** Changing or deleting a commitment itself: plan owners and admins. */
export const EDIT_COMMITMENT_AS_OWNER: AccessRule = { kind: 'commitment', action: 'plan:edit', refusal: EDIT_REFUSAL };

/** What sits in a commitment (milestones, monitoring items): plan owners, admins and the commitment's lead. */
export const EDIT_COMMITMENT: AccessRule = { kind: 'commitment', action: 'commitment:edit', refusal: EDIT_REFUSAL };

export const EDIT_MONITORING_ITEM: AccessRule = { kind: 'monitoring-item', action: 'commitment:edit', refusal: EDIT_REFUSAL };
