// Matches a method and path against route templates such as `/api/customers/:id`. The template doubles as
// the "endpoint" identity for per-endpoint rate limits.

export interface Route<T> {
  method: string;
  /** Literal segments and `:name` parameters, e.g. `/api/customer_groups/:id/customers`. */
  template: string;
  /** Whatever the platform attaches: a handler, a rate-limit class… */
  target: T;
}

export type RouteMatch<T> =
  | { kind: 'found'; route: Route<T>; params: Record<string, string> }
  /** The path exists but not with this method; `allow` lists the methods it has. */
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export function matchRoute<T>(routes: readonly Route<T>[], method: string, path: string): RouteMatch<T> {
  const segments = split(path);
  const allow: string[] = [];
  for (const route of routes) {
    const params = matchTemplate(split(route.template), segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allow.push(route.method);
  }
  return allow.length ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}

function split(path: string): string[] {
  // A trailing slash names the same resource, as in Rails routing.
  return path.split('/').filter((segment) => segment !== '');
}

function matchTemplate(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const want = template[i]!;
    const got = segments[i]!;
    if (want.startsWith(':')) params[want.slice(1)] = safeDecode(got);
    else if (want !== got) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
