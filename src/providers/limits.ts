// The bounds a provider instance puts on what one server may make groupform read: `max_response_mb` per
// answer and `max_pages` per list (schemas/groups.schema.json documents both and their defaults).
import { DEFAULT_MAX_PAGES, DEFAULT_MAX_RESPONSE_BYTES } from '../http/index.js';
import type { ProviderInstance } from '../model.js';

export interface ReadLimits {
  maxResponseBytes: number;
  maxPages: number;
}

export function readLimits(instance: ProviderInstance): ReadLimits {
  const mb = Number(instance.settings.max_response_mb);
  const pages = Number(instance.settings.max_pages);
  return {
    maxResponseBytes: mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_RESPONSE_BYTES,
    maxPages: pages > 0 ? pages : DEFAULT_MAX_PAGES,
  };
}
