import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { groupsSchema } from '../../src/config/schema.js';
import { renderSchemaTypes, typesPath } from '../../scripts/gen-types.js';

type Schema = { [key: string]: unknown; properties?: Record<string, Schema>; $ref?: string; description?: string };

/** Every `properties` entry anywhere in the schema, with its path. */
function properties(schema: unknown, path = '#'): [string, Schema][] {
  if (!schema || typeof schema !== 'object') return [];
  const found: [string, Schema][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) found.push([`${path}/properties/${name}`, property]);
    }
    found.push(...properties(value, `${path}/${key}`));
  }
  return found;
}

function described(property: Schema): boolean {
  if (typeof property.description === 'string' && property.description.length > 0) return true;
  const target = property.$ref?.split('/').pop();
  return target !== undefined && typeof (groupsSchema.definitions[target] as Schema | undefined)?.description === 'string';
}

describe('schemas/groups.schema.json', () => {
  it('describes every property, for editor completion and hover help', () => {
    const all = properties(groupsSchema).filter(([path]) => !/\/(if|then|else)\//.test(path));
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter(([, property]) => !described(property)).map(([path]) => path)).toEqual([]);
  });

  it('matches the committed TypeScript types (run `npm run gen:types` after changing it)', async () => {
    expect(await renderSchemaTypes()).toBe(await readFile(typesPath, 'utf8'));
  });
});
