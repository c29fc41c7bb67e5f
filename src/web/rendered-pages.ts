// Rendered pages kept in memory, each under the content version and the day it was rendered on: a page is the same
// for the same person, address, data and day, so it is rendered once and then served from here until anything is
// written (store/content-version.ts) or the day changes. Each instance keeps its own copy and checks it against the
// version in the shared database on every request, so a write made through any instance is seen by all of them.
//
// What differs between two requests for one page (the CSP nonces and the session's CSRF token) is cut out when a
// page is kept and put back when it is served. Bounded by bytes: the oldest pages go first.

/** A kept page: its text around the places where the request's own tokens go. */
interface KeptPage {
  parts: Buffer[];
  /** For each gap between two parts, which of the request's tokens goes there. */
  slots: number[];
  bytes: number;
}

export interface RequestTokens {
  /** The values the page was (or is to be) rendered with, in a fixed order: script nonce, style nonce, CSRF token. */
  values: readonly string[];
}

export interface RenderedPagesStats {
  pages: number;
  bytes: number;
  hits: number;
  misses: number;
}

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class RenderedPages {
  #version = -1;
  #day = '';
  #pages = new Map<string, KeptPage>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  constructor(private readonly maxBytes: number) {}

  /** Moves on to a newer version or another day, forgetting every page; false when `version` is older than ours. */
  #current(version: number, day: string): boolean {
    if (version === this.#version && day === this.#day) return true;
    if (version < this.#version) return false;
    this.#version = version;
    this.#day = day;
    this.#pages.clear();
    this.#bytes = 0;
    return true;
  }

  /** The page kept for `key` at this version and day, with the request's tokens put in; else null. */
  get(key: string, version: number, day: string, tokens: RequestTokens): Buffer | null {
    const page = this.#current(version, day) ? this.#pages.get(key) : undefined;
    if (!page) {
      this.#misses += 1;
      return null;
    }
    this.#hits += 1;
    const filled: Buffer[] = [];
    page.parts.forEach((part, i) => {
      filled.push(part);
      const slot = page.slots[i];
      if (slot !== undefined) filled.push(Buffer.from(tokens.values[slot] ?? ''));
    });
    return Buffer.concat(filled);
  }

  /** Keeps `html`, rendered with `tokens`, for `key` at this version and day. */
  keep(key: string, version: number, day: string, tokens: RequestTokens, html: string): void {
    if (!this.#current(version, day)) return;
    const present = tokens.values.filter((v) => v.length >= 16);
    const pieces = present.length > 0 ? html.split(new RegExp(`(${present.map(escapeForRegExp).join('|')})`)) : [html];
    const parts: Buffer[] = [];
    const slots: number[] = [];
    pieces.forEach((piece, i) => {
      if (i % 2 === 0) parts.push(Buffer.from(piece));
      else slots.push(tokens.values.indexOf(piece));
    });
    const bytes = parts.reduce((n, p) => n + p.length, 0);
    if (bytes > this.maxBytes) return;
    const previous = this.#pages.get(key);
    if (previous) {
      this.#pages.delete(key);
      this.#bytes -= previous.bytes;
    }
    while (this.#bytes + bytes > this.maxBytes) {
      const oldest = this.#pages.entries().next().value;
      if (!oldest) break;
      this.#pages.delete(oldest[0]);
      this.#bytes -= oldest[1].bytes;
    }
    this.#pages.set(key, { parts, slots, bytes });
    this.#bytes += bytes;
  }

  stats(): RenderedPagesStats {
    return { pages: this.#pages.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses };
  }
}
