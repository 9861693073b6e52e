// Generates src/config/schema-types.ts from schemas/groups.schema.json (`npm run gen:types`), so the config's
// TypeScript types and its JSON Schema cannot drift apart. test/config/schema-types.test.ts checks the
// committed file against a fresh run.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const root = new URL('../', import.meta.url);
export const schemaPath = fileURLToPath(new URL('schemas/groups.schema.json', root));
export const typesPath = fileURLToPath(new URL('src/config/schema-types.ts', root));

const banner = `// Generated from schemas/groups.schema.json by \`npm run gen:types\`. Do not edit: change the schema.`;

/** The TypeScript source for the schema, exactly as committed. */
export async function renderSchemaTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as JSONSchema;
  return compile(schema, 'GroupsConfig', {
    bannerComment: banner,
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 120 },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(typesPath, await renderSchemaTypes());
}
