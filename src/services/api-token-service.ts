// API tokens: a signed-in user makes a token for a script or another system to call the JSON API as them, in one
// of their organisations, with a role that can do nothing their own roles there cannot (services/role-scope.ts:
// a plan owner may not hand out a reviewer's token, as reviewers sign off what owners answer), and revokes it when it is no longer needed. The token is shown once; only its sha256 is kept. A
// request with the token acts as a user whose only membership is that organisation with the token's role (never
// more than the user holds there now), so every access check applies unchanged. Making and revoking a token are
// in the audit trail; the token itself never is.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../domain/types.ts';
import { FIELD_LIMITS, tooLongMessage } from '../domain/field-limits.ts';
import { recordAudit } from '../store/audit-repository.ts';
import {
  findApiTokenByHash,
  getApiToken,
  insertApiToken,
  listUserApiTokens,
  markApiTokenUsed,
  revokeApiToken,
  type ApiTokenRecord,
} from '../store/api-tokens-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { loadUser, type CurrentUser } from './accounts.ts';
import { roleWithin } from './role-scope.ts';
import type { ServiceContext } from './context.ts';

export type { ApiTokenRecord };

/** Roles in the order the account page offers them, from the one that may do least. */
export const ROLE_ORDER: readonly Role[] = ['viewer', 'commitment-lead', 'reviewer', 'plan-owner', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  'commitment-lead': 'Commitment lead',
  reviewer: 'Reviewer',
  'plan-owner': 'Plan owner',
  admin: 'Admin',
};

export const TOKEN_PREFIX = 'itk_';
const TOKEN_SHAPE = /^itk_[A-Za-z0-9_-]{43}$/;
/** How often the last-used time is written: not on every request of a busy script. */
const LAST_USED_EVERY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The roles the user holds in the organisation (none when they are not a member). */
function heldRoles(user: CurrentUser, organisationId: number): Role[] {
  return user.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role);
}

/** The roles a token may carry for someone holding `held`: each can do nothing they cannot. */
function grantable(held: readonly Role[]): Role[] {
  return held.length === 0 ? [] : ROLE_ORDER.filter((role) => roleWithin(role, held));
}

export interface TokenChoice {
  organisationId: number;
  organisationName: string;
  /** The roles a token for this organisation may have, least powerful first. */
  roles: Role[];
}

export interface NewTokenInput {
  name?: string;
  organisationId?: number;
  role?: string;
}

export type CreatedToken =
  | { ok: true; token: string; record: ApiTokenRecord }
  | { ok: false; errors: { field: string; message: string }[] };

export interface TokenListing extends ApiTokenRecord {
  organisationName: string;
  roleLabel: string;
}

export function apiTokenService({ db, clock }: ServiceContext) {
  const nowIso = () => clock.now().toISOString();

  function choicesFor(user: CurrentUser): TokenChoice[] {
    const byOrganisation = new Map<number, TokenChoice>();
    for (const m of user.memberships) {
      if (byOrganisation.has(m.organisationId)) continue;
      byOrganisation.set(m.organisationId, {
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        roles: grantable(heldRoles(user, m.organisationId)),
      });
    }
    return [...byOrganisation.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName));
  }

  return {
    /** The organisations the user may make tokens for, each with the roles allowed. */
    choices: choicesFor,

    /** The user's tokens, newest first, revoked ones included. */
    async list(user: CurrentUser): Promise<TokenListing[]> {
      const names = new Map(user.memberships.map((m) => [m.organisationId, m.organisationName]));
      return (await listUserApiTokens(db, user.id)).map((t) => ({
        ...t,
        organisationName: names.get(t.organisationId) ?? 'an organisation you have left',
        roleLabel: ROLE_LABELS[t.role],
      }));
    },

    /** Makes a token; the returned `token` is the only time it exists outside the caller's hands. */
    async create(user: CurrentUser, input: NewTokenInput): Promise<CreatedToken> {
      const errors: { field: string; message: string }[] = [];
      const name = (input.name ?? '').trim();
      if (!name) errors.push({ field: 'name', message: 'Enter a name for the token' });
      else if (name.length > FIELD_LIMITS.name) errors.push({ field: 'name', message: tooLongMessage('Name', 'name') });
      const choice = choicesFor(user).find((c) => c.organisationId === input.organisationId);
      if (!choice) errors.push({ field: 'organisationId', message: 'Select the organisation the token is for' });
      const role = choice?.roles.find((r) => r === input.role);
      if (choice && !role) errors.push({ field: 'role', message: 'Select a role that can do no more than you can in that organisation' });
      if (errors.length > 0 || !choice || !role) return { ok: false, errors };
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const record = await inTransaction(db, async (trx) => {
        const created = await insertApiToken(trx, {
          userId: user.id, organisationId: choice.organisationId, name, role, tokenHash: hashApiToken(token), createdAt: nowIso(),
        });
        await recordAudit(trx, {
          organisationId: created.organisationId, userId: user.id, entity: 'api-token', entityId: created.id, action: 'create',
          planId: null, after: { name: created.name, role: created.role, organisationId: created.organisationId },
        });
        return created;
      });
      return { ok: true, token, record };
    },

    /** Revokes one of the user's own tokens; false when they have no such token. Revoking twice changes nothing. */
    async revoke(user: CurrentUser, tokenId: number): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        const before = await getApiToken(trx, tokenId);
        if (!before || before.userId !== user.id) return false;
        if (before.revokedAt !== null) return true;
        const after = await revokeApiToken(trx, tokenId, nowIso());
        await recordAudit(trx, {
          organisationId: before.organisationId, userId: user.id, entity: 'api-token', entityId: tokenId, action: 'revoke',
          planId: null, before: { name: before.name, role: before.role }, after: { name: before.name, revokedAt: after?.revokedAt ?? null },
        });
        return true;
      });
    },

    /**
     * The user a bearer token acts as: their only membership is the token's organisation with the token's role,
     * lowered to the role they hold there now. Null for an unknown or revoked token, or a user no longer in the
     * organisation.
     */
    async authenticate(token: string): Promise<CurrentUser | null> {
      if (!TOKEN_SHAPE.test(token)) return null;
      const record = await findApiTokenByHash(db, hashApiToken(token));
      if (!record || record.revokedAt !== null) return null;
      const user = await loadUser(db, record.userId);
      if (!user) return null;
      // The token's role, or — when the person's roles there have changed — the most a role may do that is within
      // both the token's role and what they hold now.
      const allowed = grantable(heldRoles(user, record.organisationId)).filter((r) => roleWithin(r, [record.role]));
      const role = allowed.includes(record.role) ? record.role : allowed.at(-1);
      if (!role) return null;
      const membership = user.memberships.find((m) => m.organisationId === record.organisationId);
      const now = clock.now();
      if (!record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() >= LAST_USED_EVERY_MS) {
        await markApiTokenUsed(db, record.id, now.toISOString());
      }
      return {
        ...user,
        memberships: [{
          userId: user.id, organisationId: record.organisationId, organisationName: membership?.organisationName ?? '', role,
          organisationArchived: membership?.organisationArchived === true,
        }],
      };
    },
  };
}
