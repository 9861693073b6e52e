// The registry of provider factories, one per platform type: the one place that knows which adapters exist.
import type { ProviderInstance } from '../model.js';
import type { Provider, ProviderContext, ProviderFactory } from './provider.js';
import { commercelayer } from './commercelayer/index.js';
import { bigcommerce } from './bigcommerce/index.js';
import { xtrakit } from './xtrakit/index.js';

export const registry: { readonly [T in ProviderInstance['type']]: ProviderFactory } = {
  commercelayer,
  bigcommerce,
  xtrakit,
};

/** The adapter for one provider instance of the config. */
export function createProvider(instance: ProviderInstance, context: ProviderContext): Provider {
  return registry[instance.type](instance, context);
}
