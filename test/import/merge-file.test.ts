import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { fileDefaults, mergeImported, parseTarget } from '../../src/import/merge-file.js';

const imported = parseDocument(`providers:
  bc: { type: bigcommerce, store_hash: "\${BC_STORE_HASH}", access_token: "\${BC_ACCESS_TOKEN}" }
  xk: { type: xtrakit, api_key: "\${XTRAKIT_API_KEY}" }
groups:
  beta: { name: Beta, providers: [xk] }
`);

describe('mergeImported', () => {
  it('adds the providers and groups a file lacks, keeping what it has', () => {
    const doc = parseTarget(
      `# mine
version: 1
providers:
  bc: { type: bigcommerce, store_hash: abc, access_token: "\${BC_ACCESS_TOKEN}" }   # the main store
groups: {}
  # vip: (an example)
`,
      'groups.yaml',
    );
    expect(fileDefaults(doc)).toEqual(['bc']);
    const merged = mergeImported(doc, imported);
    expect(merged.providers).toEqual(['xk']);
    expect(merged.groups).toEqual(['beta']);
    expect(merged.text).toContain('# mine');
    expect(merged.text).toContain('# the main store');
    expect(merged.text).toContain('store_hash: abc');
    // The file's groups lived on its one provider: they still do, now that it has two.
    expect(parse(merged.text)).toMatchObject({ defaults: { providers: ['bc'] }, groups: { beta: { name: 'Beta', providers: ['xk'] } } });
    expect(merged.text).toMatch(/^groups:\n {2}beta:/m);
  });

  it('reads defaults.providers, and none for several providers without it', () => {
    expect(fileDefaults(parseTarget('providers: { a: {}, b: {} }\ndefaults: { providers: [b] }\n', 'f.yaml'))).toEqual(['b']);
    expect(fileDefaults(parseTarget('providers: { a: {}, b: {} }\n', 'f.yaml'))).toEqual([]);
  });

  it('refuses a file it cannot merge into', () => {
    expect(() => parseTarget('version: [1\n', 'f.yaml')).toThrow(/f\.yaml is not valid YAML .*--force/);
    expect(() => parseTarget('version: 1\n', 'f.yaml')).toThrow('f.yaml has no `providers:` to merge into');
  });
});
