// Shared set-up of the plan-editing tests: Org A with the realistic plan, its owner, a viewer, a commitment lead
// leading commitment 1, and a plan owner of Org B.
import { afterEach, beforeEach } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { listCommitments, updateCommitment } from '../../src/store/commitments-repository.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { savePlanDraft } from '../../src/store/plans-repository.ts';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import { nth, realisticPlanDraft } from '../support/fixtures.ts';
import { client, createTestApp, type TestApp } from './support.ts';

export const PASSWORD = 'plan-editing-password';

export interface EditingWorld {
  t: TestApp;
  orgId: number;
  otherOrgId: number;
  planId: number;
  /** Commitment ids in plan order (1, 2, 3). */
  commitmentIds: number[];
  leadId: number;
  ownerId: number;
  outsiderId: number;
  as(who: 'owner' | 'viewer' | 'lead' | 'outsider'): Promise<ReturnType<typeof client>>;
  auditActions(): Promise<string[]>;
}

const EMAILS = { owner: 'owner@a.example', viewer: 'viewer@a.example', lead: 'lead@a.example', outsider: 'owner@b.example' };

export async function editingWorld(): Promise<EditingWorld> {
  const t = await createTestApp();
  const db = t.store.db;
  const org = await findOrCreateOrganisation(db, 'Org A');
  const planId = await savePlanDraft(db, org.id, realisticPlanDraft());
  const owner = await addAccount(db, { email: EMAILS.owner, name: 'Olive Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
  await addAccount(db, { email: EMAILS.viewer, name: 'Vera Viewer', password: PASSWORD, organisation: 'Org A', role: 'viewer' });
  const lead = await addAccount(db, { email: EMAILS.lead, name: 'Leo Lead', password: PASSWORD, organisation: 'Org A', role: 'commitment-lead' });
  const outsider = await addAccount(db, { email: EMAILS.outsider, name: 'Bob Owner', password: PASSWORD, organisation: 'Org B', role: 'plan-owner' });
  const commitmentIds = (await listCommitments(db, planId)).map((c) => c.id);
  await updateCommitment(db, nth(commitmentIds, 0), { leadUserId: lead.user.id });
  return {
    t,
    orgId: org.id,
    otherOrgId: nth(outsider.user.memberships, 0).organisationId,
    planId,
    commitmentIds,
    leadId: lead.user.id,
    ownerId: owner.user.id,
    outsiderId: outsider.user.id,
    async as(who) {
      const browser = client(t.app);
      const res = await browser.signIn(EMAILS[who], PASSWORD);
      if (res.statusCode !== 303 && res.statusCode !== 302) throw new Error(`sign-in as ${who} failed: ${res.statusCode}`);
      return browser;
    },
    async auditActions() {
      return (await listAuditEvents(db, org.id)).map((e) => `${e.entity}:${e.action}`);
    },
  };
}

/**
 * Gives each test in the enclosing block a fresh world, closed after it. The object returned is filled anew before
 * each test, so a block can hold on to it.
 */
export function editingWorldForEachTest(): EditingWorld {
  const world = {} as EditingWorld;
  beforeEach(async () => {
    Object.assign(world, await editingWorld());
  });
  afterEach(async () => world.t.close());
  return world;
}
