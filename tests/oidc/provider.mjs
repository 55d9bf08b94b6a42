// SPDX-License-Identifier: EUPL-1.2
// A real OpenID Connect provider for the single sign-on browser test: panva's certified
// oidc-provider with its development login and consent pages. Synthetic accounts only.
// Usage: node provider.mjs <port> <redirect_uri> <post_logout_redirect_uri>
import Provider from 'oidc-provider';

const [poort, terug, uitgelogd] = process.argv.slice(2);

const accounts = {
  'p.jansen': {
    sub: 'p.jansen', name: 'Petra Jansen', email: 'p.jansen@politie.voorbeeld',
    organisatie: 'politie', integraal_rollen: ['analist'],
  },
  'o.buiten': {
    sub: 'o.buiten', name: 'Olaf Buiten', email: 'o.buiten@elders.voorbeeld',
    organisatie: 'onbekend-bureau', integraal_rollen: ['analist'],
  },
  'z.zonderrol': {
    sub: 'z.zonderrol', name: 'Zeno Zonderrol', email: 'z.zonderrol@politie.voorbeeld',
    organisatie: 'politie', integraal_rollen: [],
  },
};

const provider = new Provider(`http://127.0.0.1:${poort}`, {
  clients: [{
    client_id: 'integraal',
    client_secret: 'integraal-test-geheim',
    redirect_uris: [terug],
    post_logout_redirect_uris: [uitgelogd],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'organisatie'],
  claims: {
    openid: ['sub'],
    profile: ['name'],
    email: ['email'],
    organisatie: ['organisatie', 'integraal_rollen'],
  },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return account; } };
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['integraal-test-cookie-sleutel'] },
});
provider.proxy = false;
provider.listen(Number(poort), '127.0.0.1', () => {
  console.log(`oidc-provider luistert op ${poort}`);
});
