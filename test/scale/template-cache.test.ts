// Fast by default: `npm start` and `tracker serve` compile each template once and keep it; only
// NODE_ENV=development reads and compiles the templates again on every request (so edits show without a restart).
import nunjucks from 'nunjucks';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { serveEnvironment } from '../../src/cli/commands/serve.ts';
import { appsClosedAfterEachTest, type TestApp } from '../web/support.ts';

/** How many template files the app reads while answering GET /sign-in (a page of several templates). */
async function templateReads(t: TestApp): Promise<number> {
  const reads = vi.spyOn(nunjucks.FileSystemLoader.prototype, 'getSource');
  try {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.statusCode).toBe(200);
    return reads.mock.calls.length;
  } finally {
    reads.mockRestore();
  }
}

describe('compiled templates', () => {
  const startApp = appsClosedAfterEachTest();

  it('are kept when NODE_ENV is unset, as for `npm start` and `tracker serve`', async () => {
    expect(loadConfig(serveEnvironment({}, { demo: true })).development).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).development).toBe(false);
    const t = await startApp({});
    expect(await templateReads(t)).toBeGreaterThan(0);
    // The second request finds every template compiled already.
    expect(await templateReads(t)).toBe(0);
  });

  it('are read again on every request with NODE_ENV=development', async () => {
    const t = await startApp({ NODE_ENV: 'development' });
    const first = await templateReads(t);
    expect(first).toBeGreaterThan(0);
    expect(await templateReads(t)).toBe(first);
  });
});
