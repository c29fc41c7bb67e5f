// GOV.UK Frontend's and MOJ Frontend's compiled stylesheets, served with a system font stack instead of GDS
// Transport: that typeface is for services on GOV.UK only, and this service is not on GOV.UK. The packages ship
// compiled CSS only (no Sass compiler here), so the font is swapped in the CSS text once, on first request.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The fonts the reader's own system already has (system-ui first), ending in the generic family. */
export const SYSTEM_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * `css` without GDS Transport: its @font-face rules and licence comment removed, every font-family that names it
 * set to {@link SYSTEM_FONT_STACK}, and the source-map comment dropped (the map no longer matches).
 */
export function withSystemFont(css: string): string {
  return css
    .replace(/\/\*![\s\S]*?\*\//g, (comment) => (/gov\.uk|GDS Transport|Margaret Calvert/i.test(comment) ? '' : comment))
    .replace(/@font-face\s*\{[^}]*GDS Transport[^}]*\}/gi, '')
    .replace(/["']?GDS Transport["']?(\s*,\s*arial)?(\s*,\s*sans-serif)?/gi, SYSTEM_FONT_STACK)
    .replace(/\s*\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
}

interface Sheet {
  body: string;
  etag: string;
}

/** Serves each `path → file` with the system font, read and rewritten on first request, with an ETag. */
export function serveWithSystemFont(app: FastifyInstance, sheets: Record<string, string>, maxAgeSeconds: number): void {
  for (const [path, file] of Object.entries(sheets)) {
    let sheet: Promise<Sheet> | undefined;
    const load = async (): Promise<Sheet> => {
      const body = withSystemFont(await readFile(file, 'utf8'));
      return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    };
    app.get(path, async (request, reply) => {
      sheet ??= load().catch((err: unknown) => {
        sheet = undefined;
        throw err;
      });
      const { body, etag } = await sheet;
      reply.header('etag', etag).header('cache-control', `public, max-age=${maxAgeSeconds}`);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('text/css; charset=utf-8').send(body);
    });
  }
}

/** The two compiled stylesheets, by the address the layout links them at. */
export function frontendSheets(dirs: { govuk: string; moj: string }): Record<string, string> {
  return {
    '/assets/govuk-frontend.min.css': join(dirs.govuk, 'govuk', 'govuk-frontend.min.css'),
    '/assets/moj-frontend.min.css': join(dirs.moj, 'moj', 'moj-frontend.min.css'),
  };
}
