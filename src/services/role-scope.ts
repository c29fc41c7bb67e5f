// Which roles a delegated credential (an API token) may carry: only a role that can do nothing the person's own roles
// in the organisation cannot. The roles are not a ladder — a reviewer writes and signs off updates, which a plan
// owner cannot — so "lower" is decided by comparing what each role may do, through the one check, `can()`.
import type { Role } from '../domain/types.ts';
import { can, type Action, type CurrentUser } from './accounts.ts';

// Every action, listed so that adding one to `Action` without adding it here fails to compile.
const EVERY_ACTION: Record<Action, true> = {
  'plan:read': true,
  'plan:edit': true,
  'plan:import': true,
  'commitment:edit': true,
  'update:write': true,
  'update:respond': true,
  'update:sign-off': true,
  'periods:set-up': true,
  'organisation:manage': true,
  'plan:publish': true,
  'reminders:preview': true,
  'audit:read': true,
};
const ACTIONS = Object.keys(EVERY_ACTION) as Action[];

const ORGANISATION = 1;
const PERSON = 1;

function holder(roles: readonly Role[]): CurrentUser {
  return {
    id: PERSON,
    email: '',
    name: '',
    memberships: roles.map((role) => ({ userId: PERSON, organisationId: ORGANISATION, organisationName: '', role })),
  } as CurrentUser;
}

/** May someone holding `held` (in one organisation) hand out `role` there: can `role` do nothing more than they can? */
export function roleWithin(role: Role, held: readonly Role[]): boolean {
  const candidate = holder([role]);
  const person = holder(held);
  // Both scopes: on a commitment the person leads and on one somebody else leads.
  return ACTIONS.every((action) =>
    [PERSON, PERSON + 1].every((leadUserId) => !can(candidate, action, ORGANISATION, { leadUserId }) || can(person, action, ORGANISATION, { leadUserId })),
  );
}
