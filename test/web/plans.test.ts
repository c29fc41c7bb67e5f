import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { savePlanDraft } from '../../src/store/plans-repository.ts';
import { realisticPlanDraft } from '../support/fixtures.ts';
import { appForEachTest, client } from './support.ts';

const PASSWORD = 'plans-test-password';

describe('plan pages', () => {
  let planId: number;
  const t = appForEachTest(async (fresh) => {
    const db = fresh.store.db;
    const orgA = await findOrCreateOrganisation(db, 'Org A');
    planId = await savePlanDraft(db, orgA.id, realisticPlanDraft());
    await addAccount(db, { email: 'viewer@a.example', name: 'Vera Viewer', password: PASSWORD, organisation: 'Org A', role: 'viewer' });
    await addAccount(db, { email: 'owner@b.example', name: 'Bob Owner', password: PASSWORD, organisation: 'Org B', role: 'plan-owner' });
  });

  it('lists the plans of the user’s organisations on the home page', async () => {
    const browser = client(t.app);
    await browser.signIn('viewer@a.example', PASSWORD);
    const home = await browser.get('/');
    expect(home.body).toContain('Org A');
    expect(home.body).toContain(`href="/plans/${planId}"`);
    expect(home.body).toContain('Lancashire LEP improvement plan 2019/20');
    expect(home.body).toContain('1 April 2019 to 31 March 2020');
  });

  it('shows a member the plan with each commitment and its counts', async () => {
    const browser = client(t.app);
    await browser.signIn('viewer@a.example', PASSWORD);
    const res = await browser.get(`/plans/${planId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Lancashire LEP improvement plan 2019/20</h1>');
    expect(res.body).toContain('We will provide strong, stable and diverse leadership');
    expect(res.body).toContain('We will deliver the Local Industrial Strategy');
    // Commitment 1 has 3 milestones.
    expect(res.body).toMatch(/diverse leadership<\/a>[\s\S]*?of 3<\/span>/);
  });

  it('answers another organisation’s user with page not found, as for a plan that does not exist', async () => {
    const browser = client(t.app);
    await browser.signIn('owner@b.example', PASSWORD);
    const home = await browser.get('/');
    expect(home.body).not.toContain('Lancashire LEP improvement plan');
    const res = await browser.get(`/plans/${planId}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).not.toContain('diverse leadership');
    const missing = await browser.get('/plans/99999');
    expect(missing.statusCode).toBe(404);
    expect((await browser.get('/plans/not-a-number')).statusCode).toBe(404);
  });
});
