// The planner depends on the model only (DESIGN.md §7, CONVENTIONS.md 4): no file under src/plan/ imports from
// the adapters, the HTTP client or any other stage, even by type, nor a module that does I/O.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const planDir = path.join(src, 'plan');

/** What src/plan/ may import besides its own files: the shared types, the error classes and the JSON Schemas (saved plans). */
const ALLOWED = [
  path.join(src, 'model.ts'),
  path.join(src, 'model') + path.sep,
  path.join(src, 'errors.ts'),
  planDir + path.sep,
  path.join(src, '..', 'schemas') + path.sep,
];
/** Packages and built-ins that do I/O, which a pure planner never needs. */
const IO_MODULES = /^(node:)?(fs|fs\/promises|http|https|net|child_process|readline)$|^(ofetch|listr2|yargs)(\/|$)/;

/** Every import of `text` (static, type-only, dynamic, re-export) that leaves what the planner may depend on. */
function forbiddenImports(file: string, text: string): string[] {
  // preProcessFile finds `import type`, `export … from` and `import()` as well as plain imports.
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((specifier) => {
      if (!specifier.startsWith('.')) return IO_MODULES.test(specifier);
      const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts');
      return !ALLOWED.some((allowed) => target === allowed || (allowed.endsWith(path.sep) && target.startsWith(allowed)));
    });
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the planner imports the model only', () => {
  it('no file under src/plan/ imports from src/providers/, src/http/ or another stage, nor an I/O module', async () => {
    const files = await sourceFiles(planDir);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      for (const specifier of forbiddenImports(file, await readFile(file, 'utf8'))) found.push(`${path.relative(src, file)}: ${specifier}`);
    }
    expect(found).toEqual([]);
  });

  it('catches an import by type, a re-export and a dynamic import', () => {
    const file = path.join(planDir, 'example.ts');
    const text = [
      "import type { Capabilities } from '../providers/provider.js';",
      "export type { RateWindow } from '../http/limiter.js';",
      "const render = await import('../render/text.js');",
      "import { readFile } from 'node:fs/promises';",
      "import type { Plan } from '../model.js';",
      "import { PlanError } from '../errors.js';",
      "import { fingerprint } from './fingerprint.js';",
      "import { createHash } from 'node:crypto';",
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual(['../providers/provider.js', '../http/limiter.js', '../render/text.js', 'node:fs/promises']);
  });
});
