// Shared set-up for the commitment, milestone, KPI and evidence page tests: a plan in Org A with an owner, the
// lead of commitment 1, a viewer and a reviewer; a plan owner of Org B; evidence files in a temp data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';
import { updateCommitment } from '../../src/store/commitments-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { realisticPlanDraft } from '../support/fixtures.ts';
import { client, createTestApp, csrfFrom, type TestApp } from './support.ts';

export const PASSWORD = 'tracking-test-password';

export interface Tracking extends TestApp {
  plan: PlanDetail;
  dataDir: string;
  /** Signed in as one of owner@a, lead@a, viewer@a, reviewer@a, owner@b. */
  as(email: string): Promise<ReturnType<typeof client>>;
}

export async function trackingApp(): Promise<Tracking> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tracker-evidence-'));
  const t = await createTestApp({ DATA_DIR: dataDir });
  const db = t.store.db;
  const org = await findOrCreateOrganisation(db, 'Org A');
  const planId = await savePlanDraft(db, org.id, realisticPlanDraft());
  const accounts = [
    { email: 'owner@a.example', name: 'Olive Owner', role: 'plan-owner' as const, organisation: 'Org A' },
    { email: 'lead@a.example', name: 'Lee Lead', role: 'commitment-lead' as const, organisation: 'Org A' },
    { email: 'viewer@a.example', name: 'Vera Viewer', role: 'viewer' as const, organisation: 'Org A' },
    { email: 'reviewer@a.example', name: 'Rex Reviewer', role: 'reviewer' as const, organisation: 'Org A' },
    { email: 'owner@b.example', name: 'Bob Owner', role: 'plan-owner' as const, organisation: 'Org B' },
  ];
  let leadId = 0;
  for (const a of accounts) {
    const { user } = await addAccount(db, { ...a, password: PASSWORD });
    if (a.role === 'commitment-lead') leadId = user.id;
  }
  const first = (await getPlan(db, planId))?.commitments[0];
  if (!first) throw new Error('no commitment 1');
  await updateCommitment(db, first.id, { leadUserId: leadId });
  const plan = await getPlan(db, planId);
  if (!plan) throw new Error('plan not stored');
  return {
    ...t,
    plan,
    dataDir,
    async as(email: string) {
      const browser = client(t.app);
      const res = await browser.signIn(email, PASSWORD);
      if (res.statusCode !== 302 && res.statusCode !== 303) throw new Error(`could not sign in as ${email}: ${res.statusCode}`);
      return browser;
    },
    async close() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the tracking app before the enclosing block's tests and closes it after them. The object returned is
 * filled in once the tests begin, so a block can hold on to it.
 */
export function trackingAppForAllTests(): Tracking {
  const tracking = {} as Tracking;
  beforeAll(async () => {
    Object.assign(tracking, await trackingApp());
  });
  afterAll(async () => tracking.close());
  return tracking;
}

export interface FileToSend {
  field: string;
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** Posts a multipart form with the CSRF token of `pageUrl`, as a browser would. */
export async function submitMultipart(
  app: FastifyInstance,
  browser: ReturnType<typeof client>,
  pageUrl: string,
  actionUrl: string,
  fields: Record<string, string>,
  file?: FileToSend,
) {
  const page = await browser.get(pageUrl);
  const form = new FormData();
  form.append('_csrf', csrfFrom(page.body));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append(file.field, new Blob([Buffer.from(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({
    method: 'POST',
    url: actionUrl,
    headers: { cookie: browser.jar.header(), 'content-type': encoded.headers.get('content-type') ?? '' },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}

/** The text of the page without tags, spaces collapsed: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

/** The value of the form's input named `name` as the page shows it (undefined when there is no such input). */
export function inputValue(html: string, name: string): string | undefined {
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    if (new RegExp(`\\sname="${name}"`).test(tag)) return /\svalue="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  return undefined;
}

/** The value of the checked radio button named `name`. */
export function checkedValue(html: string, name: string): string | undefined {
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    if (new RegExp(`\\sname="${name}"`).test(tag) && /\schecked/.test(tag)) return /\svalue="([^"]*)"/.exec(tag)?.[1];
  }
  return undefined;
}
