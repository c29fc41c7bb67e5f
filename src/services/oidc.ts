// Single sign-on with an OpenID Connect provider (Microsoft Entra ID or any other), by the authorisation code flow
// with PKCE, through the maintained `openid-client` library. The browser leaves with a random `state`; what is
// needed to finish (the PKCE verifier and the nonce) waits in the database under sha256(state) and serves one
// callback only. A person is matched by their verified e-mail address to an existing account or to open
// invitations: nobody joins an organisation by signing in alone.
import type { Kysely } from 'kysely';
import type { OidcConfig } from '../config.ts';
import type { Database } from '../store/schema.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { findUserByEmail, normaliseEmail } from '../store/users-repository.ts';
import { insertSsoRequest, purgeSsoRequests, takeSsoRequest } from '../store/one-time-links-repository.ts';
import { hashToken } from './accounts.ts';
import { acceptBySso } from './invitations.ts';

type Db = Kysely<Database>;
type Client = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

/** How long a round trip to the provider may take. */
const REQUEST_MINUTES = 15;

export const CALLBACK_PATH = '/sign-in/sso/callback';

export type SsoOutcome =
  | { status: 'signed-in'; userId: number; returnTo: string }
  | { status: 'refused'; reason: 'unknown' | 'unverified' | 'disabled' | 'no-email' | 'expired' | 'failed'; email?: string };

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's settings, discovered once (and again after a failure) from its issuer URL. */
export function oidcClient(settings: OidcConfig, serviceUrl: string) {
  let discovered: Promise<{ client: Client; configuration: Configuration }> | undefined;
  const redirectUri = `${serviceUrl}${CALLBACK_PATH}`;

  function discover() {
    discovered ??= (async () => {
      const client = await import('openid-client');
      const issuer = new URL(settings.issuer);
      // Plain http only for a provider on this machine (a test's, or a developer's).
      const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [];
      const configuration = await client.discovery(issuer, settings.clientId, settings.clientSecret || undefined, undefined, { execute, timeout: 10 });
      return { client, configuration };
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  }

  return {
    displayName: settings.displayName,

    /** The provider's address to send the browser to, having kept what the callback will need. */
    async begin(db: Db, returnTo: string, now: Date): Promise<URL> {
      const { client, configuration } = await discover();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await purgeSsoRequests(db, new Date(now.getTime() - REQUEST_MINUTES * 60_000).toISOString());
      await insertSsoRequest(db, hashToken(state), { codeVerifier, nonce, returnTo, createdAt: now.toISOString() });
      return client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    /** Finishes the round trip from the callback's query string and decides who, if anyone, signs in. */
    async finish(db: Db, query: URLSearchParams, now: Date): Promise<SsoOutcome> {
      const state = query.get('state') ?? '';
      const request = state ? await takeSsoRequest(db, hashToken(state)) : undefined;
      if (!request || now.getTime() - new Date(request.createdAt).getTime() > REQUEST_MINUTES * 60_000) {
        return { status: 'refused', reason: 'expired' };
      }
      let claims: Record<string, unknown>;
      try {
        const { client, configuration } = await discover();
        const currentUrl = new URL(`${redirectUri}?${query.toString()}`);
        const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: request.codeVerifier,
          expectedState: state,
          expectedNonce: request.nonce,
          idTokenExpected: true,
        });
        const idClaims: Record<string, unknown> = tokens.claims() ?? {};
        // Many providers put the address in the ID token; others only answer it from the userinfo endpoint.
        const sub = typeof idClaims.sub === 'string' ? idClaims.sub : '';
        const info = idClaims.email === undefined ? await client.fetchUserInfo(configuration, tokens.access_token, sub) : {};
        claims = { ...info, ...idClaims };
      } catch {
        return { status: 'refused', reason: 'failed' };
      }
      const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
      if (!email) return { status: 'refused', reason: 'no-email' };
      if (claims.email_verified !== true && claims.email_verified !== 'true') {
        await recordAudit(db, { organisationId: null, userId: null, userEmail: email, entity: 'sign-in', entityId: null, action: 'sso-refused-unverified' });
        return { status: 'refused', reason: 'unverified', email };
      }
      const existing = await findUserByEmail(db, email);
      if (existing?.disabled_at) return { status: 'refused', reason: 'disabled', email };
      const name = typeof claims.name === 'string' ? claims.name : '';
      const userId = await acceptBySso(db, email, name, now);
      if (userId === null) {
        await recordAudit(db, { organisationId: null, userId: null, userEmail: email, entity: 'sign-in', entityId: null, action: 'sso-refused-unknown' });
        return { status: 'refused', reason: 'unknown', email };
      }
      await recordAudit(db, { organisationId: null, userId, entity: 'sign-in', entityId: userId, action: 'signed-in-sso' });
      return { status: 'signed-in', userId, returnTo: request.returnTo };
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
