// Serves pages that say `config: { pageCache: true }` from the rendered-page cache (web/rendered-pages.ts) for a
// signed-in person who has had the same page, at the same content version, on the same day. Such a request is
// answered straight after the session is read: the access check and the handler ran when the page was rendered,
// and nothing they read can have changed without raising the version (memberships and roles included).
// Requests for a page that is being rendered for the same person wait for it rather than render it again (one
// render at a time per page: twenty tabs opened at once cost one render, not twenty renders' memory).
// PAGE_CACHE_MB (config.pageCacheMb) bounds it; 0 turns it off.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.ts';
import { RenderedPages, type RequestTokens } from '../rendered-pages.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A GET page that depends only on who asks, its address, the data and the day: it may be kept. */
    pageCache?: boolean;
  }
  interface FastifyInstance {
    renderedPages: RenderedPages | null;
  }
  interface FastifyRequest {
    /** This request renders a page others may be waiting for: called when it is done, however it ends. */
    renderDone: (() => void) | null;
    /**
     * The day a cacheable request began on: what it renders is kept under that day, as under the version it read,
     * so a page rendered just before midnight is never kept as the next day's.
     */
    pageDay: string | null;
  }
}

/** How long a request waits for the same page being rendered for someone else before rendering it itself. */
const MOST_WAIT_MS = 10_000;

function cacheable(request: FastifyRequest): boolean {
  return request.method === 'GET' && request.routeOptions.config?.pageCache === true && request.user !== null && request.contentVersion !== null;
}

function tokensOf(request: FastifyRequest, reply: FastifyReply): RequestTokens {
  return { values: [reply.cspNonce?.script ?? '', reply.cspNonce?.style ?? '', request.csrfToken] };
}

const keyOf = (request: FastifyRequest) => `${request.user?.id ?? 0} ${request.url}`;

/** Registered right after the session is read (plugins/session.ts), before the access check. */
export async function setUpPageCache(app: FastifyInstance, services: Services, maxMegabytes: number): Promise<void> {
  const pages = maxMegabytes > 0 ? new RenderedPages(maxMegabytes * 1024 * 1024) : null;
  app.decorate('renderedPages', pages);
  app.decorateRequest('renderDone', null);
  app.decorateRequest('pageDay', null);
  if (!pages) return;
  const rendering = new Map<string, Promise<void>>();

  const kept = (request: FastifyRequest, reply: FastifyReply) =>
    pages.get(keyOf(request), request.contentVersion ?? -1, request.pageDay ?? '', tokensOf(request, reply));
  const send = (reply: FastifyReply, page: Buffer) => reply.type('text/html; charset=utf-8').header('x-page-cache', 'hit').send(page);
  const finish = (request: FastifyRequest) => {
    request.renderDone?.();
    request.renderDone = null;
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    request.pageDay = services.clock.today();
    const page = kept(request, reply);
    if (page) return send(reply, page);
    const flight = `${request.contentVersion} ${request.pageDay} ${keyOf(request)}`;
    const other = rendering.get(flight);
    if (other) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([other, new Promise((resolve) => (timer = setTimeout(resolve, MOST_WAIT_MS)))]);
      clearTimeout(timer);
      const rendered = kept(request, reply);
      if (rendered) return send(reply, rendered);
      return;
    }
    rendering.set(flight, new Promise<void>((resolve) => {
      request.renderDone = () => {
        rendering.delete(flight);
        resolve();
      };
    }));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || reply.statusCode !== 200 || !cacheable(request) || request.pageDay === null) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    pages.keep(keyOf(request), request.contentVersion ?? -1, request.pageDay, tokensOf(request, reply), payload);
    finish(request);
    return payload;
  });
  // However the render ended (an error page, a refusal, the browser going away), whoever waits stops waiting.
  app.addHook('onResponse', async (request) => finish(request));
  app.addHook('onRequestAbort', async (request) => finish(request));
}
