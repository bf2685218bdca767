import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** The client Synapse is registered as at the provider. */
export const SYNAPSE_CLIENT = { id: 'synapse', secret: 'luxchat-local-oidc-secret' };

/**
 * A real OpenID Connect provider (node-oidc-provider) on 127.0.0.1:port, knowing one user, for
 * the single sign-on test: authorization-code flow, with the package's development login and
 * consent pages (a form that takes the user's login; only `user.login` has an account).
 */
export async function startOidcProvider({
  port,
  homeserverUrl,
  user,
}: {
  port: number;
  homeserverUrl: string;
  user: { login: string; name: string };
}) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: SYNAPSE_CLIENT.id,
        client_secret: SYNAPSE_CLIENT.secret,
        redirect_uris: [`${homeserverUrl}/_synapse/client/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx, id) =>
      id === user.login
        ? { accountId: id, claims: () => ({ sub: id, preferred_username: user.login, name: user.name }) }
        : undefined,
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    pkce: { required: () => false },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  return {
    issuer,
    /** The provider's entry in homeserver.yaml. */
    synapseConfig: (idp: { id: string; name: string }, appOrigin: string) => `
oidc_providers:
  - idp_id: ${idp.id}
    idp_name: "${idp.name}"
    issuer: "${issuer}"
    client_id: ${SYNAPSE_CLIENT.id}
    client_secret: ${SYNAPSE_CLIENT.secret}
    scopes: [openid, profile]
    skip_verification: true
    allow_existing_users: true
    # The provider puts profile claims in its userinfo answer, not in the ID token.
    user_profile_method: userinfo_endpoint
    user_mapping_provider:
      config:
        localpart_template: "{{ user.preferred_username }}"
        display_name_template: "{{ user.name }}"
sso:
  client_whitelist: ["${appOrigin}/"]
`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
