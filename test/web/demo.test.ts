import { afterEach, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, ensureDemo } from '../../src/services/demo.ts';
import { listOrganisations } from '../../src/store/organisations-repository.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;
const other = DEMO_ACCOUNTS.find((a) => a.organisation === 'Another LEP')!;

describe('demo mode', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('loads the Lancashire plan once, and the demo plan owner sees its 9 commitments', async () => {
    t = await createTestApp({ DEMO: 'true' });
    const first = await ensureDemo(t.store, t.config);
    expect(first.created).toBe(true);
    expect(first.planId).not.toBeNull();
    const again = await ensureDemo(t.store, t.config);
    expect(again.created).toBe(false);
    expect((await listOrganisations(t.store.db)).map((o) => o.name)).toEqual(['Another LEP', 'Lancashire LEP']);

    const browser = client(t.app);
    const signInPage = await browser.get('/sign-in');
    expect(signInPage.body).toContain('Demo accounts');
    expect(signInPage.body).toContain(owner.password);

    await browser.signIn(owner.email, owner.password);
    const plan = await browser.get(`/plans/${first.planId}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('Lancashire LEP');
    expect(plan.body.match(/<tr class="govuk-table__row" id="commitment-\d+">/g)).toHaveLength(9);
    expect(plan.body).toContain('We will provide strong, stable and diverse leadership');

    const outsider = client(t.app);
    await outsider.signIn(other.email, other.password);
    expect((await outsider.get(`/plans/${first.planId}`)).statusCode).toBe(404);
  });

  it('still creates the demo accounts, and says why, when the plan file is missing', async () => {
    t = await createTestApp({ DEMO: 'true' });
    const result = await ensureDemo(t.store, t.config, join(tmpdir(), 'no-such-plan-for-tracker-tests.txt'));
    expect(result.planId).toBeNull();
    expect(result.notes.join('\n')).toMatch(/Demo plan not loaded: .*no-such-plan-for-tracker-tests\.txt was not found/);
    const res = await client(t.app).signIn(owner.email, owner.password);
    expect(res.statusCode).toBe(303);
  });

  it('does nothing with demo mode off, and hides the demo accounts', async () => {
    t = await createTestApp({ DEMO: 'false' });
    const result = await ensureDemo(t.store, t.config);
    expect(result.created).toBe(false);
    expect(await listOrganisations(t.store.db)).toEqual([]);
    const page = await client(t.app).get('/sign-in');
    expect(page.body).not.toContain('Demo accounts');
    expect(page.body).not.toContain(owner.password);
  });
});
