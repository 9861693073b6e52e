// The registry of provider factories, one per platform type: the one place that knows which adapters exist.
import { GroupformError } from '../errors.js';
import type { ProviderInstance } from '../model.js';
import type { Provider, ProviderContext, ProviderFactory } from './provider.js';
import { commercelayer } from './commercelayer/index.js';
import { xtrakit } from './xtrakit/index.js';

export const registry: { readonly [T in ProviderInstance['type']]?: ProviderFactory } = {
  commercelayer,
  xtrakit,
};

/** The adapter for one provider instance of the config. */
export function createProvider(instance: ProviderInstance, context: ProviderContext): Provider {
  const factory = registry[instance.type];
  if (!factory) throw new GroupformError('provider-unavailable', `provider '${instance.name}': no adapter for ${instance.type} yet`);
  return factory(instance, context);
}
