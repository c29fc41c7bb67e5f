// The service for people, sessions, sign-in, calendar feeds and user administration, made with the shared context
// (database, clock, settings). Sessions, sign-in attempts and one-time links are timed by the one clock.
import type { ServiceContext } from './context.ts';
import {
  addAccount,
  can,
  canAcrossService,
  endSession,
  endSessionsOf,
  hashPassword,
  listAccounts,
  loadUser,
  purgeExpiredSessions,
  randomToken,
  resumeSession,
  sessionsOf,
  startSession,
  verifyPassword,
  UserCache,
  type NewAccount,
} from './accounts.ts';
import { signIn } from './sign-in.ts';
import { calendarFeedCreatedAt, calendarForToken, createCalendarFeed, planCalendar, revokeCalendarFeed } from './calendar-feeds.ts';
import { databaseRateLimitStore } from '../store/rate-limit-store.ts';
import { findUserByEmail, getUser, setPasswordHash } from '../store/users-repository.ts';
import { recordAudit } from '../store/audit-repository.ts';
import type { CurrentUser } from './accounts.ts';
import { passwordProblem } from './passwords.ts';
import { acceptSignedIn, acceptWithPassword, invitationState } from './invitations.ts';
import { completeReset, requestReset, resetState } from './password-reset.ts';
import { oidcClient } from './oidc.ts';
import type { Role } from '../domain/types.ts';
import {
  addMember, cancelInvitation, changeRole, listAllUsers, managedOrganisation, memberOf, membersPage, removeMember, setUserDisabled,
  setUserServiceAdmin,
} from './user-admin.ts';
import {
  administers, createOrganisationAs, manageableOrganisations, renameOrganisationAs, setArchived, setSsoOnly, type OrganisationSettings,
} from './organisation-admin.ts';

export type { Action, CurrentUser, NewAccount, SessionState, SessionSummary, StartedSession } from './accounts.ts';
export { AccountError, MIN_PASSWORD_LENGTH, can, canAcrossService, passwordProblem, randomToken } from './accounts.ts';
export { LOCK_MINUTES, type SignInOutcome } from './sign-in.ts';
export { feedPath } from './calendar-feeds.ts';
export { INVITATION_DAYS, type InvitationState, type AcceptOutcome } from './invitations.ts';
export { RESET_MINUTES, type ResetState, type ResetOutcome } from './password-reset.ts';
export { CALLBACK_PATH, type SsoOutcome } from './oidc.ts';
export { LAST_ADMIN_MESSAGE, asRole, type MembersPage, type MemberView, type UserSummary } from './user-admin.ts';
export type { OrganisationSettings } from './organisation-admin.ts';

export function accountService({ db, clock, config }: ServiceContext) {
  const signedInUsers = new UserCache();
  const sso = config.oidc ? oidcClient(config.oidc, config.serviceUrl) : null;

  return {
    /** The single authorisation check (services/accounts.ts). */
    can,
    canAcrossService,
    randomToken,
    addAccount: (input: NewAccount) => addAccount(db, input),
    listAccounts: () => listAccounts(db),
    loadUser: (id: number) => loadUser(db, id),

    /** Checks the password, with the lock after repeated failures (services/sign-in.ts). */
    signIn: (email: string, password: string) => signIn(db, email, password, clock.now()),
    startSession: (userId: number, userAgent: string | null = null) => startSession(db, userId, config.sessionHours, clock.now(), userAgent),
    /** The session of a cookie token, renewed while it is in use. */
    resumeSession: (token: string) => resumeSession(db, token, config.sessionHours, clock.now(), signedInUsers),
    endSession: (token: string) => endSession(db, token),
    purgeExpiredSessions: () => purgeExpiredSessions(db, clock.now()),
    /**
     * The @fastify/rate-limit store class counting sign-in posts in the database, so that every instance of the
     * service counts the same hits.
     */
    rateLimitStore: (prefix: string) => databaseRateLimitStore(db, prefix),

    /** The account page's own pieces: sessions, changing the password. */
    own: {
      sessions: (user: CurrentUser, currentToken: string | null) => sessionsOf(db, user.id, currentToken, clock.now()),
      /** Ends every session of the user, this one too. */
      signOutEverywhere: async (user: CurrentUser) => {
        const ended = await endSessionsOf(db, user.id);
        await recordAudit(db, { organisationId: null, userId: user.id, entity: 'user', entityId: user.id, action: 'signed-out-everywhere', after: { sessionsEnded: ended } });
        return ended;
      },
      /** Checks the current password, then sets the new one and ends the user's other sessions. */
      changePassword: async (user: CurrentUser, currentToken: string | null, input: { current: string; password: string; confirm: string }) => {
        const row = await getUser(db, user.id);
        const problems: { field: string; message: string }[] = [];
        if (!row || !(await verifyPassword(input.current, row.password_hash))) problems.push({ field: 'current', message: 'Your current password is not right' });
        const problem = await passwordProblem(input.password, { email: user.email, name: user.name });
        if (problem) problems.push({ field: 'password', message: problem });
        else if (input.password !== input.confirm) problems.push({ field: 'confirm', message: 'Enter the same new password twice' });
        if (problems.length) return { ok: false as const, problems };
        await setPasswordHash(db, user.id, await hashPassword(input.password));
        const ended = await endSessionsOf(db, user.id, currentToken ?? undefined);
        await recordAudit(db, { organisationId: null, userId: user.id, entity: 'user', entityId: user.id, action: 'password-changed', after: { otherSessionsEnded: ended } });
        return { ok: true as const };
      },
      /** Whether the user has a password at all (an account made through single sign-on has none). */
      hasPassword: async (user: CurrentUser) => ((await getUser(db, user.id))?.password_hash ?? '') !== '',
    },

    invitations: {
      state: (token: string) => invitationState(db, token, clock.now()),
      acceptWithPassword: (token: string, input: { name: string; password: string; confirm: string }) => acceptWithPassword(db, token, input, clock.now()),
      acceptSignedIn: (token: string, user: CurrentUser) => acceptSignedIn(db, token, user, clock.now()),
    },

    passwordReset: {
      request: (email: string) => requestReset(db, config, email, clock.now()),
      state: (token: string) => resetState(db, token, clock.now()),
      complete: (token: string, password: string, confirm: string) => completeReset(db, token, password, confirm, clock.now()),
    },

    /** Single sign-on, when an OpenID Connect provider is set (OIDC_ISSUER); null otherwise. */
    sso: sso && {
      displayName: sso.displayName,
      begin: (returnTo: string) => sso.begin(db, returnTo, clock.now()),
      finish: (query: URLSearchParams) => sso.finish(db, query, clock.now()),
    },

    /** Organisations and their members, for organisation admins and service-wide admins (docs/authorisation.md). */
    admin: {
      /** Whether the person manages anything (the header's "Admin" link). */
      administers: (actor: CurrentUser | null | undefined) => administers(actor),
      organisations: (actor: CurrentUser) => manageableOrganisations(db, actor),
      organisation: (actor: CurrentUser, organisationId: number) => managedOrganisation(db, actor, organisationId),
      createOrganisation: (actor: CurrentUser, name: string, joinAsAdmin: boolean) => createOrganisationAs(db, actor, name, joinAsAdmin),
      renameOrganisation: (actor: CurrentUser, organisation: OrganisationSettings, name: string) => renameOrganisationAs(db, actor, organisation, name),
      setArchived: (actor: CurrentUser, organisation: OrganisationSettings, archived: boolean) => setArchived(db, actor, organisation, archived, clock.now()),
      setSsoOnly: (actor: CurrentUser, organisation: OrganisationSettings, ssoOnly: boolean) => setSsoOnly(db, actor, organisation, ssoOnly),
      members: (organisation: OrganisationSettings) => membersPage(db, organisation, clock.now()),
      member: (organisation: OrganisationSettings, userId: number) => memberOf(db, organisation.id, userId),
      addMember: (actor: CurrentUser, organisation: OrganisationSettings, input: { email: string; role: Role }) =>
        addMember(db, config, actor, organisation, input, clock.now()),
      changeRole: (actor: CurrentUser, organisation: OrganisationSettings, userId: number, role: Role) => changeRole(db, actor, organisation.id, userId, role),
      removeMember: (actor: CurrentUser, organisation: OrganisationSettings, userId: number) => removeMember(db, actor, organisation.id, userId),
      cancelInvitation: (actor: CurrentUser, organisation: OrganisationSettings, invitationId: number) =>
        cancelInvitation(db, actor, organisation.id, invitationId, clock.now()),
      users: (actor: CurrentUser) => listAllUsers(db, actor),
      setUserDisabled: (actor: CurrentUser, userId: number, disabled: boolean) => setUserDisabled(db, actor, userId, disabled, clock.now()),
    },

    /** What only the command line does, for the first admin and for recovery: it acts as the operator. */
    operator: {
      userByEmail: async (email: string) => {
        const row = await findUserByEmail(db, email);
        return row && { id: row.id, email: row.email, name: row.name, disabled: row.disabled_at !== null };
      },
      setUserDisabled: (userId: number, disabled: boolean) => setUserDisabled(db, null, userId, disabled, clock.now()),
      setServiceAdmin: (userId: number, serviceAdmin: boolean) => setUserServiceAdmin(db, userId, serviceAdmin),
      setRole: async (userId: number, organisation: string, role: Role) => {
        const { findOrganisationByName } = await import('../store/organisations-repository.ts');
        const found = await findOrganisationByName(db, organisation);
        if (!found) return { ok: false as const, reason: 'no-organisation' as const };
        const member = await memberOf(db, found.id, userId);
        if (!member) {
          await addAccount(db, { email: (await getUser(db, userId))?.email ?? '', name: '', organisation: found.name, role });
          return { ok: true as const };
        }
        const outcome = await changeRole(db, null, found.id, userId, role);
        return outcome.ok ? { ok: true as const } : { ok: false as const, reason: outcome.reason };
      },
      /** Sets a new password and ends every session of the user. */
      resetPassword: async (userId: number, password: string) => {
        const row = await getUser(db, userId);
        if (!row) return { ok: false as const, problem: 'There is no such user' };
        const problem = await passwordProblem(password, { email: row.email });
        if (problem) return { ok: false as const, problem };
        await setPasswordHash(db, userId, await hashPassword(password));
        const ended = await endSessionsOf(db, userId);
        await recordAudit(db, { organisationId: null, userId: null, userEmail: 'command line', entity: 'user', entityId: userId, action: 'password-reset', after: { sessionsEnded: ended } });
        return { ok: true as const, sessionsEnded: ended };
      },
    },

    calendar: {
      createdAt: (user: CurrentUser) => calendarFeedCreatedAt(db, user),
      create: (user: CurrentUser) => createCalendarFeed(db, user, clock.now()),
      revoke: (user: CurrentUser) => revokeCalendarFeed(db, user),
      /** The feed's calendar for the secret token's owner, or undefined for an unknown or revoked token. */
      forToken: (token: string) => calendarForToken(db, token),
      forPlan: (user: CurrentUser | null, planId: number) => planCalendar(db, user, planId),
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
