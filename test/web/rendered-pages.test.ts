// The store behind the rendered-page cache (web/rendered-pages.ts): pages kept under a content version and a day,
// the request's own tokens put back in, older versions never kept, and a bound on bytes.
import { describe, expect, it } from 'vitest';
import { RenderedPages } from '../../src/web/rendered-pages.ts';

const NONCE_A = 'a'.repeat(32);
const NONCE_B = 'b'.repeat(32);
const CSRF = 'c'.repeat(43);
const tokens = (nonce: string, csrf = CSRF) => ({ values: [nonce, nonce, csrf] });
const page = (nonce: string, csrf = CSRF, body = 'Commitments') =>
  `<script nonce="${nonce}"></script><main>${body}</main><form><input name="_csrf" value="${csrf}"></form><style nonce="${nonce}"></style>`;

describe('rendered pages', () => {
  it('gives a kept page back with the new request’s nonce and token in every place the old ones were', () => {
    const pages = new RenderedPages(1024 * 1024);
    pages.keep('1 /plans/1', 7, '2024-08-15', tokens(NONCE_A), page(NONCE_A));
    const other = 'd'.repeat(43);
    expect(pages.get('1 /plans/1', 7, '2024-08-15', tokens(NONCE_B, other))?.toString()).toBe(page(NONCE_B, other));
    expect(pages.get('2 /plans/1', 7, '2024-08-15', tokens(NONCE_B))).toBeNull();
    expect(pages.stats()).toMatchObject({ pages: 1, hits: 1, misses: 1 });
  });

  it('forgets every page when the version moves on or the day changes, and never keeps an older version', () => {
    const pages = new RenderedPages(1024 * 1024);
    pages.keep('k', 7, '2024-08-15', tokens(NONCE_A), page(NONCE_A));
    expect(pages.get('k', 8, '2024-08-15', tokens(NONCE_A))).toBeNull();
    // A request that read version 7 before a write finishes after it: what it rendered is not kept.
    pages.keep('k', 7, '2024-08-15', tokens(NONCE_A), page(NONCE_A));
    expect(pages.get('k', 7, '2024-08-15', tokens(NONCE_A))).toBeNull();
    expect(pages.get('k', 8, '2024-08-15', tokens(NONCE_A))).toBeNull();
    pages.keep('k', 8, '2024-08-15', tokens(NONCE_A), page(NONCE_A));
    expect(pages.get('k', 8, '2024-08-15', tokens(NONCE_A))).not.toBeNull();
    expect(pages.get('k', 8, '2024-08-16', tokens(NONCE_A))).toBeNull();
  });

  it('keeps no more bytes than it is allowed, letting the oldest pages go first', () => {
    const size = Buffer.byteLength(page(NONCE_A, CSRF, 'x'.repeat(1000))) - 32 * 2 - 43;
    const pages = new RenderedPages(size * 2 + 10);
    for (const key of ['first', 'second', 'third']) pages.keep(key, 1, '2024-08-15', tokens(NONCE_A), page(NONCE_A, CSRF, 'x'.repeat(1000)));
    expect(pages.get('first', 1, '2024-08-15', tokens(NONCE_A))).toBeNull();
    expect(pages.get('second', 1, '2024-08-15', tokens(NONCE_A))).not.toBeNull();
    expect(pages.get('third', 1, '2024-08-15', tokens(NONCE_A))).not.toBeNull();
    expect(pages.stats().bytes).toBeLessThanOrEqual(size * 2 + 10);
  });
});
