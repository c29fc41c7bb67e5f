// Nothing a signed-in person sees is kept by the browser or a proxy (Cache-Control: no-store): pages, forms, the
// import preview, exports and evidence files. After signing out the same addresses ask to sign in again. The
// public page of a published plan is for everyone and keeps its own, cacheable, header.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { listEvidence } from '../../src/store/monitoring-repository.ts';
import { PASSWORD, submitMultipart, trackingAppForAllTests } from './commitment-setup.ts';
import { uploader } from './import-support.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const DEMO_PLAN = new URL('../../demo/plan-2024-25.txt', import.meta.url);

describe('Cache-Control on signed-in pages and downloads', () => {
  const t = trackingAppForAllTests();
  let evidenceUrl: string;
  let previewUrl: string;

  // Runs after the app has started (hooks run in the order they are registered).
  beforeAll(async () => {
    const owner = await t.as('owner@a.example');
    const milestoneId = t.plan.commitments[0]!.milestones[0]!.id;
    const form = `/milestones/${milestoneId}/evidence/new`;
    const added = await submitMultipart(t.app, owner, form, form, { 'date-day': '31', 'date-month': '7', 'date-year': '2019' },
      { field: 'evidenceFile', name: 'letter.pdf', bytes: PDF, type: 'application/pdf' });
    expect(added.statusCode).toBe(303);
    const [evidence] = await listEvidence(t.store.db, { milestoneId });
    evidenceUrl = `/evidence/${evidence!.id}/file`;

    const importer = uploader(t.app);
    await importer.signIn('owner@a.example', PASSWORD);
    const page = await importer.get('/');
    const orgId = Number(/href="\/organisations\/(\d+)\/import"/.exec(page.body)?.[1]);
    const uploaded = await importer.upload(orgId, { name: 'plan-2024-25.txt', bytes: readFileSync(DEMO_PLAN), type: 'text/plain' });
    expect(uploaded.statusCode).toBe(303);
    previewUrl = String(uploaded.headers.location);
  });

  const signedInAddresses = () => {
    const plan = `/plans/${t.plan.id}`;
    const commitment = t.plan.commitments[0]!;
    return [
      '/', plan, `${plan}/edit`, `${plan}/export`, `${plan}/publishing`, `/commitments/${commitment.id}`,
      `/milestones/${commitment.milestones[0]!.id}/edit`, '/account/calendar', '/no-such-page', previewUrl,
      `${plan}/export/csv`, `${plan}/export/xlsx`, `${plan}/export/json`, evidenceUrl,
    ];
  };

  it('says no-store on every signed-in page, form, preview and download', async () => {
    const owner = await t.as('owner@a.example');
    for (const url of signedInAddresses()) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBeLessThan(url === '/no-such-page' ? 500 : 400);
      expect(String(res.headers['cache-control']), url).toMatch(/(^|[\s,])no-store($|[\s,])/);
    }
  });

  it('asks to sign in again at the same addresses once signed out', async () => {
    const owner = await t.as('owner@a.example');
    expect((await owner.get(`/plans/${t.plan.id}`)).statusCode).toBe(200);
    expect((await owner.submit('/', '/sign-out', {})).statusCode).toBe(303);
    for (const url of signedInAddresses().filter((u) => u !== '/no-such-page')) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBe(302);
      expect(String(res.headers.location), url).toMatch(/^\/sign-in/);
    }
  });

  it('leaves the public page of a published plan cacheable (revalidated), even for a signed-in owner', async () => {
    const owner = await t.as('owner@a.example');
    const publishing = `/plans/${t.plan.id}/publishing`;
    expect((await owner.submit(publishing, publishing, { published: 'true' })).statusCode).toBe(303);
    const publicUrl = `/public/plans/${t.plan.id}`;
    for (const [who, res] of [['signed in', await owner.get(publicUrl)], ['anonymous', await t.app.inject(publicUrl)]] as const) {
      expect(res.statusCode, who).toBe(200);
      expect(String(res.headers['cache-control']), who).toBe('no-cache');
    }
    // Static assets stay cacheable for everyone.
    const css = await owner.get('/public/app.css');
    expect(String(css.headers['cache-control'])).not.toContain('no-store');
  });
});
