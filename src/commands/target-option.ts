// `--target PROVIDER`, `--target KEY`, `--target PROVIDER/KEY` (repeatable) → the planner's targets.
// A bare name is a provider instance if the config has one of that name, else a group key (on every
// provider the group lives on). Anything the config does not have is a usage error, never ignored.
import { closest } from '../config/suggest.js';
import { UsageError } from '../errors.js';
import type { DesiredState } from '../model.js';
import type { PlanTarget } from '../plan/targets.js';

export function resolveTargets(specs: readonly string[], desired: DesiredState): PlanTarget[] {
  const providers = desired.providers.map((instance) => instance.name);
  const targets: PlanTarget[] = [];
  for (const spec of specs) {
    const slash = spec.indexOf('/');
    if (slash >= 0) {
      const [provider, key] = [spec.slice(0, slash), spec.slice(slash + 1)];
      if (!providers.includes(provider))
        throw unknown(spec, `provider '${provider}' is not in ${desired.configFile}`, providers, closest(provider, providers), key);
      const keys = desired.groups.filter((group) => group.provider === provider).map((group) => group.key);
      if (!keys.includes(key)) {
        const suggestion = closest(key, keys);
        throw new UsageError(
          `--target ${spec}: ${desired.configFile} declares no group '${key}' on provider '${provider}'.${suggestion ? ` Did you mean ${provider}/${suggestion}?` : ''}`,
        );
      }
      targets.push({ provider, key });
    } else if (providers.includes(spec)) {
      targets.push({ provider: spec });
    } else {
      const on = desired.groups.filter((group) => group.key === spec).map((group) => group.provider);
      if (on.length === 0) {
        const suggestion = closest(spec, [...providers, ...desired.groups.map((group) => group.key)]);
        throw unknown(spec, `no provider or group key of ${desired.configFile} is called '${spec}'`, providers, suggestion);
      }
      targets.push(...on.map((provider) => ({ provider, key: spec })));
    }
  }
  return targets;
}

function unknown(spec: string, why: string, providers: readonly string[], suggestion: string | undefined, key?: string): UsageError {
  const hint = suggestion === undefined ? '' : ` Did you mean ${key === undefined ? suggestion : `${suggestion}/${key}`}?`;
  return new UsageError(`--target ${spec}: ${why}.${hint} Name a provider (${providers.join(', ')}), a group key, or provider/key.`);
}
