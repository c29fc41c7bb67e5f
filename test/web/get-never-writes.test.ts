// Reading a page never changes what is stored: a viewer looking at the review periods or the export page leaves
// every table exactly as it was (review periods are stored by writes only).
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { tableRowCounts } from '../support/row-counts.ts';
import { client, createTestApp, csrfFrom, type TestApp } from './support.ts';

let t: TestApp;
afterEach(async () => t?.close());

const VIEWER = DEMO_ACCOUNTS.find((a) => a.email === 'viewer@demo.example')!;
const REVIEWER = DEMO_ACCOUNTS.find((a) => a.email === 'reviewer@demo.example')!;

/** A fresh app over the static demo (no review periods stored yet), and the demo viewer signed in. */
async function demoWithViewer() {
  t = await createTestApp({ DEMO: 'true' });
  const { planId } = await seedStaticDemo(t.store);
  const viewer = client(t.app);
  await viewer.signIn(VIEWER.email, VIEWER.password);
  return { planId, viewer };
}

describe('GET requests', () => {
  it('leave every table unchanged when a viewer opens the review periods and the export page', async () => {
    const { planId, viewer } = await demoWithViewer();
    const before = await tableRowCounts(t.store);
    for (const url of [`/plans/${planId}/reviews`, `/plans/${planId}/export`, `/plans/${planId}/export/csv`, `/plans/${planId}`]) {
      const res = await viewer.get(url);
      expect(res.statusCode, url).toBeLessThan(400);
    }
    const after = await tableRowCounts(t.store);
    // Sessions may be touched by signing in, not by reading pages. The audit trail alone grows: it records exports.
    expect({ ...after, audit_events: before.audit_events }).toEqual(before);
    expect(after.audit_events).toBe((before.audit_events ?? 0) + 1);
  });

  it('still list the plan’s review periods for the viewer', async () => {
    const { planId, viewer } = await demoWithViewer();
    const page = await viewer.get(`/plans/${planId}/reviews`);
    expect(page.body).toContain('2024/25 Q1');
    expect(page.body).toContain('2024/25 Q4');
  });

  it('set up by a reviewer’s POST (not by a viewer’s), after which each period has its page', async () => {
    const { planId, viewer } = await demoWithViewer();
    const viewerPage = await viewer.get(`/plans/${planId}/reviews`);
    expect(viewerPage.body).not.toContain('Set up the review periods');
    const refused = await viewer.post(`/plans/${planId}/reviews/periods`, { _csrf: csrfFrom(viewerPage.body) });
    expect(refused.statusCode).toBe(403);
    expect((await tableRowCounts(t.store)).review_periods).toBe(0);

    const reviewer = client(t.app);
    await reviewer.signIn(REVIEWER.email, REVIEWER.password);
    const page = await reviewer.get(`/plans/${planId}/reviews`);
    expect(page.body).toContain('Set up the review periods');
    const done = await reviewer.post(`/plans/${planId}/reviews/periods`, { _csrf: csrfFrom(page.body) });
    expect(done.statusCode).toBe(303);
    const after = await reviewer.get(`/plans/${planId}/reviews`);
    expect(after.body).not.toContain('Set up the review periods');
    expect(after.body).toMatch(/href="\/reviews\/\d+">2024\/25 Q1</);
    expect((await tableRowCounts(t.store)).review_periods).toBe(4);
  });
});
