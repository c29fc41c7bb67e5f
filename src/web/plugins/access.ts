// The one access check for every route. Each route states its rule in `config.access`:
//   { public: 'why' }                          anyone, signed in or not (sign-in, the public page, health…);
//   { signedIn: true }                         any signed-in user (their home page, their account);
//   { kind, action, param? }                   the `kind` named by the address parameter `param` (default 'id')
//                                              must exist, belong to one of the user's organisations (else 404)
//                                              and allow `action` for the user's role there (else 403).
// The check runs as an onRequest hook, after the session is read and before any body is: a signed-out visitor or
// a user without the right is answered before an upload is received. What was loaded is on `request.resource`.
// A route without a rule cannot be registered, and `app.accessRules` lists every route with its rule, for the
// authorisation inventory test.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Action, CurrentUser } from '../../services/accounts.ts';
import type { LoadedResource, ResourceKind } from '../../services/resource-access.ts';
import type { Services } from '../../services/index.ts';
import { safeReturnPath, signInUrl } from './auth.ts';

export type AccessRule =
  | { public: string }
  | { signedIn: true }
  | { kind: ResourceKind; action: Action; param?: string; refusal?: string };

export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** A JSON API route: refusals are RFC 9457 problem details, not pages. */
    api?: boolean;
  }
  interface FastifyRequest {
    /** What the route's access rule loaded (null for public and signed-in rules). */
    resource: LoadedResource | null;
  }
  interface FastifyInstance {
    accessRules: RouteAccess[];
  }
}

const WHOLE_NUMBER = /^[1-9]\d{0,9}$/;
const LARGEST_ID = 2147483647;

/** The id in the address, or null when it is not a whole number an id could be. */
export function idParam(request: FastifyRequest, name: string): number | null {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 && value <= LARGEST_ID ? value : null;
  if (typeof value !== 'string' || !WHOLE_NUMBER.test(value) || Number(value) > LARGEST_ID) return null;
  return Number(value);
}

export function describeRule(rule: AccessRule): string {
  if ('public' in rule) return `public (${rule.public})`;
  if ('signedIn' in rule) return 'signed in';
  return `${rule.action} on ${rule.kind} :${rule.param ?? 'id'}`;
}

/** What the route's rule loaded, by name (a route asks only for what its rule loads). */
export function loaded<K extends keyof LoadedResource>(request: FastifyRequest, key: K): NonNullable<LoadedResource[K]> {
  const value = request.resource?.[key];
  if (value === undefined || value === null) throw new Error(`the access rule of ${request.routeOptions.url} loads no ${String(key)}`);
  return value as NonNullable<LoadedResource[K]>;
}

const ARCHIVED_REFUSAL = 'This organisation is archived: its plans can be read but not changed. Ask a service admin to restore it if it should be in use again.';

const DEFAULT_REFUSAL = 'Your role does not let you do this. Ask the plan owner if you think it should.';

/** The one "not found" page: for what does not exist and for what belongs to another organisation alike. */
export function notFoundPage(reply: FastifyReply) {
  return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
}

/** The one "not allowed" page, saying why. */
export function forbiddenPage(reply: FastifyReply, message: string = DEFAULT_REFUSAL) {
  return reply.code(403).view('pages/errors/403.njk', { pageTitle: 'You cannot do this', message });
}

/** The signed-in user of a route whose rule requires one (the check has run before the handler). */
export function signedInUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error(`the access rule of ${request.routeOptions.url} lets only signed-in people through`);
  return request.user;
}

async function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403 | 404, rule: AccessRule): Promise<void> {
  if (request.routeOptions.config.api) {
    const title = status === 401 ? 'Not signed in' : status === 403 ? 'Forbidden' : 'Not found';
    const detail =
      status === 401 ? 'Send an API token as "Authorization: Bearer <token>".'
      : status === 403 ? ('refusal' in rule && rule.refusal) || DEFAULT_REFUSAL
      : 'Nothing exists at this address that you may see.';
    await reply.code(status).type('application/problem+json').send({ type: 'about:blank', title, status, detail, instance: request.url });
    return;
  }
  if (status === 401) {
    const returnTo = request.method === 'GET' ? safeReturnPath(request.url) : '/';
    await reply.redirect(signInUrl(returnTo, request.sessionExpired));
    return;
  }
  if (status === 404) {
    await notFoundPage(reply);
    return;
  }
  await forbiddenPage(reply, ('refusal' in rule && rule.refusal) || DEFAULT_REFUSAL);
}

/** Every route registered from now on must state its rule; static files under `assetPrefixes` are public. */
export function recordAccessRules(app: FastifyInstance, options: { assetPrefixes: readonly string[] }): void {
  app.decorate('accessRules', [] as RouteAccess[]);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: AccessRule };
    if (!config.access && options.assetPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...config, access: { public: 'static files' } };
    }
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    for (const method of [route.method].flat()) app.accessRules.push({ method, url: route.url, access });
  });
}

/** The check itself, after the session is read (so `request.user` is known) and before the body is. */
export async function setUpAccess(app: FastifyInstance, services: Services): Promise<void> {
  app.decorateRequest('resource', null);

  app.addHook('onRequest', async (request, reply) => {
    const rule = request.routeOptions.config.access;
    if (!rule || 'public' in rule) return;
    if (!request.user) return refuse(request, reply, 401, rule);
    if ('signedIn' in rule) return;
    const id = idParam(request, rule.param ?? 'id');
    if (id === null) return refuse(request, reply, 404, rule);
    const outcome = await services.access.check(request.user, rule.kind, id, rule.action);
    if (!outcome.ok && outcome.status === 403 && outcome.archived) return refuse(request, reply, 403, { ...rule, refusal: ARCHIVED_REFUSAL });
    if (!outcome.ok) return refuse(request, reply, outcome.status, rule);
    request.resource = outcome.resource;
  });
}
