// No lost updates on the edit forms: each carries the version it was read at; a save from a stale form gets a
// conflict page showing their version and yours, with what was typed kept, and saving from it then works.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const OWNER = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The fields a browser would send from the page's POST form (the first one that is not signing out). */
function formFields(html: string): Record<string, string> {
  const form = [...html.matchAll(/<form method="post"[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => !f.includes('action="/sign-out"')) ?? '';
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    if (/type="(radio|checkbox)"/.test(tag) && !/\bchecked\b/.test(tag)) continue;
    fields[name] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const [, name, text] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[name!] = decode(text!.replace(/^\n/, ''));
  for (const [, name, body] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)"[^>]*selected/.exec(body!) ?? /<option value="([^"]*)"/.exec(body!);
    fields[name!] = decode(selected?.[1] ?? '');
  }
  return fields;
}

describe('edit forms refuse stale saves', () => {
  let t: TestApp;
  let ids: { plan: number; commitment: number; kpi: number; milestone: number };
  beforeEach(async () => {
    t = await createTestApp({ DEMO: 'true' });
    const { planId } = await seedStaticDemo(t.store);
    const db = t.store.db;
    const commitment = await db.selectFrom('commitments').select('id').where('plan_id', '=', planId).orderBy('position').executeTakeFirstOrThrow();
    const kpi = await db.selectFrom('kpis').innerJoin('commitments', 'commitments.id', 'kpis.commitment_id').select('kpis.id')
      .where('commitments.plan_id', '=', planId).executeTakeFirstOrThrow();
    const milestone = await db.selectFrom('milestones').innerJoin('commitments', 'commitments.id', 'milestones.commitment_id').select('milestones.id')
      .where('commitments.plan_id', '=', planId).where('milestones.due_from', 'is not', null).executeTakeFirstOrThrow();
    ids = { plan: planId, commitment: commitment.id, kpi: kpi.id, milestone: milestone.id };
  });
  afterEach(async () => t.close());

  const forms: [string, (i: typeof ids) => string, string][] = [
    ['plan settings', (i) => `/plans/${i.plan}/edit`, 'title'],
    ['a commitment', (i) => `/commitments/${i.commitment}/edit`, 'title'],
    ['a KPI', (i) => `/kpis/${i.kpi}/edit`, 'text'],
    ['a milestone', (i) => `/milestones/${i.milestone}/edit`, 'text'],
  ];

  it.each(forms)('%s', async (_name, urlOf, field) => {
    const url = urlOf(ids);
    const owner = client(t.app);
    await owner.signIn(OWNER.email, OWNER.password);
    const stale = formFields((await owner.get(url)).body);
    expect(stale.version).toMatch(/.+/);

    const first = await owner.post(url, { ...formFields((await owner.get(url)).body), [field]: 'Saved first by someone else' });
    expect(first.statusCode).toBe(303);

    const conflict = await owner.post(url, { ...stale, [field]: 'Typed later from an old page' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('govuk-error-summary');
    expect(conflict.body).toContain('was changed while you were editing it');
    expect(conflict.body).toContain('Saved first by someone else');
    const kept = formFields(conflict.body);
    expect(kept[field]).toBe('Typed later from an old page');

    const again = await owner.post(url, kept);
    expect(again.statusCode).toBe(303);
    expect(formFields((await owner.get(url)).body)[field]).toBe('Typed later from an old page');
  });
});
