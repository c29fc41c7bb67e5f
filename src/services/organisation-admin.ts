// Organisations, as service-wide admins and organisation admins manage them: a service-wide admin creates and
// archives (or restores) them; an organisation's admin renames it and sets whether its members must sign in with
// single sign-on. Every change is an audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { inTransaction } from '../store/transaction.ts';
import { recordAudit } from '../store/audit-repository.ts';
import {
  createOrganisation, findOrganisationByName, getOrganisationSettings, listOrganisationSettings, renameOrganisation,
  setOrganisationArchived, setOrganisationSsoOnly, type OrganisationSettings,
} from '../store/organisations-repository.ts';
import { addMembership } from '../store/memberships-repository.ts';
import { can, canAcrossService, type CurrentUser } from './accounts.ts';

type Db = Kysely<Database>;

export type { OrganisationSettings } from '../store/organisations-repository.ts';

/** Whether `actor` manages anything: a service-wide admin, or an admin of at least one organisation. */
export function administers(actor: CurrentUser | null | undefined): boolean {
  if (!actor) return false;
  return canAcrossService(actor, 'organisations:create') || actor.memberships.some((m) => can(actor, 'organisation:manage', m.organisationId));
}

/** The organisations `actor` may manage: every one for a service-wide admin, else those they are an admin of. */
export async function manageableOrganisations(db: Db, actor: CurrentUser): Promise<OrganisationSettings[]> {
  if (canAcrossService(actor, 'organisations:create')) return listOrganisationSettings(db);
  const ids = [...new Set(actor.memberships.filter((m) => can(actor, 'organisation:manage', m.organisationId)).map((m) => m.organisationId))];
  return listOrganisationSettings(db, ids);
}

export type NameOutcome = { ok: true; organisation: OrganisationSettings } | { ok: false; problems: { field: string; message: string }[] } | { ok: false; status: 403 };

async function nameProblem(db: Db, name: string, ownId?: number): Promise<string | null> {
  if (!name.trim()) return 'Enter the organisation’s name';
  const clash = await findOrganisationByName(db, name);
  if (clash && clash.id !== ownId) return 'There is already an organisation with this name';
  return null;
}

/** A new organisation; its creator may make themselves its first admin. */
export async function createOrganisationAs(db: Db, actor: CurrentUser, name: string, joinAsAdmin: boolean): Promise<NameOutcome> {
  if (!canAcrossService(actor, 'organisations:create')) return { ok: false, status: 403 };
  const problem = await nameProblem(db, name);
  if (problem) return { ok: false, problems: [{ field: 'name', message: problem }] };
  return inTransaction(db, async (trx) => {
    const created = await createOrganisation(trx, name);
    if (joinAsAdmin) await addMembership(trx, actor.id, created.id, 'admin');
    await recordAudit(trx, { organisationId: created.id, userId: actor.id, entity: 'organisation', entityId: created.id, action: 'created', after: { name: created.name } });
    const organisation = await getOrganisationSettings(trx, created.id);
    if (!organisation) throw new Error('The organisation could not be read back');
    return { ok: true, organisation } as const;
  });
}

export async function renameOrganisationAs(db: Db, actor: CurrentUser, organisation: OrganisationSettings, name: string): Promise<NameOutcome> {
  if (!can(actor, 'organisation:manage', organisation.id)) return { ok: false, status: 403 };
  const problem = await nameProblem(db, name, organisation.id);
  if (problem) return { ok: false, problems: [{ field: 'name', message: problem }] };
  await inTransaction(db, async (trx) => {
    await renameOrganisation(trx, organisation.id, name);
    await recordAudit(trx, {
      organisationId: organisation.id, userId: actor.id, entity: 'organisation', entityId: organisation.id, action: 'renamed',
      before: { name: organisation.name }, after: { name: name.trim() },
    });
  });
  return { ok: true, organisation: { ...organisation, name: name.trim() } };
}

export async function setArchived(db: Db, actor: CurrentUser, organisation: OrganisationSettings, archived: boolean, now: Date): Promise<boolean> {
  if (!canAcrossService(actor, 'organisations:archive')) return false;
  await inTransaction(db, async (trx) => {
    await setOrganisationArchived(trx, organisation.id, archived ? now.toISOString() : null);
    await recordAudit(trx, {
      organisationId: organisation.id, userId: actor.id, entity: 'organisation', entityId: organisation.id, action: archived ? 'archived' : 'restored',
    });
  });
  return true;
}

export async function setSsoOnly(db: Db, actor: CurrentUser, organisation: OrganisationSettings, ssoOnly: boolean): Promise<boolean> {
  if (!can(actor, 'organisation:manage', organisation.id)) return false;
  await inTransaction(db, async (trx) => {
    await setOrganisationSsoOnly(trx, organisation.id, ssoOnly);
    await recordAudit(trx, {
      organisationId: organisation.id, userId: actor.id, entity: 'organisation', entityId: organisation.id, action: ssoOnly ? 'set-sso-only' : 'allowed-passwords',
    });
  });
  return true;
}
