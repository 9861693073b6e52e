import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maskEmailsIn } from '../../src/render/mask.js';
import { commitFiles } from '../helpers/git.js';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { bigCommerceConfig, bigCommerceSeed } from './bigcommerce-seed.js';
import { sandboxProject, type SandboxProject } from './sandbox-project.js';

const COMMITTED = '2026-02-01T00:00:00.000Z';

// VIP declares ann and cat. Ann is not in it yet, and was last modified before the config's commit: the
// config is ahead (not yet applied). Bob was put in VIP after the commit: changed on the platform.
const seed = bigCommerceSeed(
  [{ id: 1, name: 'VIP' }],
  [
    { id: 1, email: 'ann@example.com', group: 0, modified: '2026-01-15T00:00:00.000Z' },
    { id: 2, email: 'bob@example.com', group: 1, modified: '2026-03-01T00:00:00.000Z' },
    { id: 3, email: 'cat@example.com', group: 1 },
  ],
);
const config = bigCommerceConfig('  vip:\n    name: VIP\n    members: [ann@example.com, cat@example.com]');

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function commitConfig(dir: string): Promise<void> {
  return commitFiles(dir, ['groups.yaml'], COMMITTED);
}

describe('groupform drift', () => {
  it('exits 0 when the platforms match the config', async () => {
    env = await sandboxProject({ 'groups.yaml': bigCommerceConfig('  vip:\n    name: VIP\n    members: [bob@example.com, cat@example.com]') }, { seed });
    const result = await env.run(['drift']);
    expect(result.stdout).toBe('In sync: the platforms match the config.\n');
    expect(result.code).toBe(0);
  });

  it('never says in sync when an error kept part of the config from being compared, and exits 1', async () => {
    const groups = '  vip:\n    name: VIP\n    members: [bob@example.com, cat@example.com]\n  gold:\n    name: Gold\n    ids: { bc: 99 }';
    env = await sandboxProject({ 'groups.yaml': bigCommerceConfig(groups) }, { seed });
    const text = await env.run(['drift']);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('In sync');
    expect(text.stdout.split('\n')[0]).toBe('Not checked: 1 error kept part of the config from being compared (below).');
    expect(text.stdout).toContain('group gold: pinned id 99 not found on bc');
    const json = await env.run(['drift', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ inSync: false, drift: [] });
  });

  it("exits 2 on drift, classifies each item against the config's last commit, and writes nothing", async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    await commitConfig(env.project.dir);
    const before = await env.state('bigcommerce');
    const result = await env.run(['drift', '--format', 'json', '--report', 'drift.md']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { configChangedAt: string; drift: { address: string; classification: string; liveUpdatedAt: string }[] };
    expect(schemaErrors(schemaValidator('drift-report.schema.json'), report)).toEqual([]);
    expect(report.configChangedAt).toBe(COMMITTED);
    expect(report.drift.map(({ address, classification, liveUpdatedAt }) => [address, classification, liveUpdatedAt])).toEqual([
      ['bc/members/ann@example.com', 'not-yet-applied', '2026-01-15T00:00:00.000Z'],
      ['bc/members/bob@example.com', 'changed-on-platform', '2026-03-01T00:00:00.000Z'],
    ]);
    const markdown = await readFile(path.join(env.project.dir, 'drift.md'), 'utf8');
    expect(markdown).toContain('**Drift: 2 items (1 changed on the platform, 1 not yet applied).**');
    expect(markdown).toContain('Config last committed 2026-02-01T00:00:00.000Z: ');
    expect(markdown).toMatch(
      /\| bc\/members\/b\\\*\\\*\\\*#[0-9a-f]{6}@example\.com \| leave VIP \| changed on the platform \| 2026-03-01T00:00:00\.000Z \|\n/,
    );
    expect(await env.state('bigcommerce')).toEqual(before);
  });

  it('says unknown outside a git repository, showing the times it has', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const result = await env.run(['drift', '--report', 'drift.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Config commit time unknown (not in a git repository), so no item can be classified.');
    expect(result.stdout).toContain('bc/members/bob@example.com: leave VIP; unknown (live modified 2026-03-01T00:00:00.000Z)');
    const report = JSON.parse(await readFile(path.join(env.project.dir, 'drift.json'), 'utf8')) as { configChangedAt: null };
    expect(report.configChangedAt).toBeNull();
  });

  it('lets the baseline silence acknowledged drift until it expires, and reports expired entries', async () => {
    env = await sandboxProject(
      {
        'groups.yaml': config,
        'drift-baseline.yaml': [
          'items:',
          '  - address: bc/members/bob@example.com',
          '    reason: Sales added Bob for the launch',
          '    expires: 2099-12-31',
          '  - address: bc/members/ann@*',
          '    reason: Ann joins after her contract starts',
          '    expires: 2020-01-01',
          '',
        ].join('\n'),
      },
      { seed },
    );
    const partly = await env.run(['drift', '--baseline', 'drift-baseline.yaml']);
    expect(partly.code).toBe(2);
    expect(partly.stdout).toContain('Drift: 1 item (1 unknown) (1 acknowledged in the baseline).');
    expect(partly.stdout).toContain('bc/members/bob@example.com: until 2099-12-31, Sales added Bob for the launch');
    expect(partly.stdout).toContain('drift-baseline.yaml:5: bc/members/ann@* expired 2020-01-01 (Ann joins after her contract starts)');

    await env.project.write(
      'drift-baseline.yaml',
      (await readFile(path.join(env.project.dir, 'drift-baseline.yaml'), 'utf8')).replace('2020-01-01', '2099-01-01'),
    );
    const silenced = await env.run(['drift', '--baseline', 'drift-baseline.yaml']);
    expect(silenced.stdout.split('\n')[0]).toBe('In sync: the platforms match the config (2 acknowledged in the baseline).');
    expect(silenced.code).toBe(0);
  });

  it("keeps the Markdown report of 1,500 drifted members under an issue body's limit, the JSON report whole", async () => {
    const members = Array.from({ length: 1500 }, (_, i) => ({ id: i + 1, email: `customer-${String(i).padStart(5, '0')}@example.com`, group: 1 }));
    env = await sandboxProject(
      { 'groups.yaml': bigCommerceConfig('  vip:\n    name: VIP\n    members: []') },
      { seed: bigCommerceSeed([{ id: 1, name: 'VIP' }], members) },
    );
    const result = await env.run(['drift', '--report', 'drift.md', '--report', 'drift.json']);
    expect(result.code).toBe(2);
    const markdown = await readFile(path.join(env.project.dir, 'drift.md'), 'utf8');
    const report = JSON.parse(await readFile(path.join(env.project.dir, 'drift.json'), 'utf8')) as { drift: unknown[] };
    expect(report.drift).toHaveLength(1500);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toContain('**Drift: 1500 items (1500 unknown).**');
    expect(markdown).toMatch(/\| \*[\d,]+ more items in the full report \(drift\.json\)\* \|/);
    expect(markdown).not.toContain('customer-00000@example.com');
  }, 60_000);

  it('keys the masked tags with GROUPFORM_MASK_KEY, and a baseline naming a keyed masked address silences it', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const keyed = { ...env.sandbox.env, GROUPFORM_MASK_KEY: 'merchant-key' };
    const bob = maskEmailsIn('bc/members/bob@example.com', 'merchant-key');
    const masked = await env.project.run(['drift', '--mask-emails'], keyed);
    expect(masked.stdout).toContain(`  ${bob}: leave VIP`);
    expect(masked.stdout).not.toContain(maskEmailsIn('bc/members/bob@example.com'));
    await env.project.write('drift-baseline.yaml', `items:\n  - address: ${bob}\n    reason: copied from the report\n    expires: 2099-12-31\n`);
    const silenced = await env.project.run(['drift', '--baseline', 'drift-baseline.yaml'], keyed);
    expect(silenced.stdout).toContain('(1 acknowledged in the baseline)');
  });

  it('exits 1 on a baseline file with mistakes, pointing at them', async () => {
    env = await sandboxProject({ 'groups.yaml': config, 'drift-baseline.yaml': 'items:\n  - address: bc/vip\n    expires: soon\n' }, { seed });
    const result = await env.run(['drift', '--baseline', 'drift-baseline.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("drift-baseline.yaml:3:14: error: entry 1: 'expires' must be a date such as 2026-09-30, not 'soon'");
  });

  it('appends one line per run to --history, and the HTML report charts the runs and classifies each item', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    await commitConfig(env.project.dir);
    for (let run = 0; run < 2; run++) expect((await env.run(['drift', '--history', 'history.jsonl', '--report', 'drift.html'])).code).toBe(2);
    const lines = (await readFile(path.join(env.project.dir, 'history.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { time: string; providers: unknown });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.providers).toEqual({ bc: { 'changed-on-platform': 1, 'not-yet-applied': 1, unknown: 0, baselined: 0 } });
    const html = await readFile(path.join(env.project.dir, 'drift.html'), 'utf8');
    expect(html.match(/<g class="run" /g)).toHaveLength(2);
    expect(html).toContain(`<time datetime="${lines[1]!.time}">`);
    expect(html).toContain('<p class="headline" id="headline">Drift: 2 items (1 changed on the platform, 1 not yet applied).</p>');
    expect(html).toMatch(/<dt>Commit<\/dt><dd>[0-9a-f]{12} \(2026-02-01T00:00:00\.000Z\)<\/dd>/);
    expect(html).not.toContain('bob@example.com');
    expect(html).toContain(`address: &quot;${maskEmailsIn('bc/members/bob@example.com')}&quot;`);
  });

  it('refuses a damaged history before reading any platform, naming the line, and leaves the file as it was', async () => {
    const damaged = '{"time":"2026-11-28T05:00:00.000Z","providers":{}}\n{"time":"now","providers":{}}\n';
    env = await sandboxProject({ 'groups.yaml': config, 'history.jsonl': damaged }, { seed });
    const result = await env.run(['drift', '--history', 'history.jsonl', '--report', 'drift.html']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '--history history.jsonl: not a groupform drift history; fix or remove the line:\n  history.jsonl:2: "time" must be a UTC time',
    );
    expect(await readFile(path.join(env.project.dir, 'history.jsonl'), 'utf8')).toBe(damaged);
    await expect(readFile(path.join(env.project.dir, 'drift.html'))).rejects.toThrow(/ENOENT/);
  });
});
