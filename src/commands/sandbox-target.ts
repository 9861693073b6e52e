// `--sandbox`: every provider instance of the config is pointed at the sandbox's emulators, whatever URLs and
// credentials the file names, so no real platform can be reached by mistake.
import { Secret, type ProviderInstance } from '../model.js';
import type { SandboxEndpoints } from '../emulators/sandbox.js';

export function pointAtSandbox(instances: ProviderInstance[], endpoints: SandboxEndpoints): void {
  let store = 0;
  for (const instance of instances) {
    switch (instance.type) {
      case 'commercelayer': {
        const cl = endpoints.commercelayer;
        Object.assign(instance.settings, { base_url: cl.baseUrl, auth_url: cl.authUrl, client_id: cl.clientId });
        instance.secrets.client_secret = new Secret(cl.clientSecret);
        break;
      }
      case 'bigcommerce': {
        // Each BigCommerce instance gets its own sandbox store, in the order the config lists them.
        const stores = endpoints.bigcommerce.stores;
        const target = stores[Math.min(store++, stores.length - 1)]!;
        Object.assign(instance.settings, { base_url: endpoints.bigcommerce.baseUrl, store_hash: target.storeHash });
        instance.secrets.access_token = new Secret(target.accessToken);
        break;
      }
      case 'xtrakit':
        instance.settings.base_url = endpoints.xtrakit.baseUrl;
        instance.secrets.api_key = new Secret(endpoints.xtrakit.apiKey);
        break;
    }
  }
}
