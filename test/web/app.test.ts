import { describe, expect, it } from 'vitest';
import { appsClosedAfterEachTest, client } from './support.ts';

describe('the web app', () => {
  const startApp = appsClosedAfterEachTest();

  it('reports health with a working database', async () => {
    const t = await startApp();
    const res = await t.app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'UP', database: 'UP' });
  });

  it('reports 503 when the database cannot be queried', async () => {
    const t = await startApp();
    await t.store.db.destroy();
    const res = await t.app.inject('/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'DOWN', database: 'DOWN' });
  });

  it('sends a CSP whose nonce is the one on the page’s inline scripts, and other security headers', async () => {
    const t = await startApp();
    const res = await t.app.inject('/sign-in');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.body).toContain(`<script nonce="${nonce}">document.body.className`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves GOV.UK Frontend styles and scripts, and the service’s own stylesheet and icon', async () => {
    const t = await startApp();
    for (const path of ['/assets/govuk-frontend.min.css', '/assets/govuk-frontend.min.js', '/assets/moj-frontend.min.css', '/public/favicon.svg', '/public/app.css']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(200);
    }
    expect((await t.app.inject('/assets/index.scss')).statusCode).toBe(404);
  });

  it('shows a GOV.UK page not found', async () => {
    const t = await startApp();
    const res = await t.app.inject('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('govuk-template');
    expect(res.body).toContain('Page not found');
  });

  it.each([
    ['development', 'development', true],
    ['production', 'production', false],
    ['NODE_ENV unset', undefined, false],
    ['test', 'test', false],
  ])('shows a GOV.UK error page, with the stack only when NODE_ENV=development (%s)', async (_name, nodeEnv, showsStack) => {
    const t = await startApp(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv });
    t.app.get('/explode', { config: { access: { public: 'a test route that fails' } } }, async () => {
      throw new Error('kaboom-internal-detail');
    });
    const res = await t.app.inject('/explode');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Sorry, there is a problem with the service');
    expect(res.body.includes('kaboom-internal-detail')).toBe(showsStack);
  });

  it('marks the session cookie Secure in production', async () => {
    const t = await startApp({ NODE_ENV: 'production' });
    const res = await client(t.app).get('/sign-in');
    const cookie = res.cookies.find((c) => c.name === '__Host-tracker_csrf');
    expect(cookie?.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toBeTruthy();
  });
});
