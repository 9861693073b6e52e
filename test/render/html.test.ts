import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model.js';
import { renderHtml } from '../../src/render/html.js';
import { escapeHtml } from '../../src/render/html-page.js';
import { maskEmailsIn } from '../../src/render/mask.js';
import type { ProviderInfo } from '../../src/render/plan-view.js';
import { member, samplePlan } from './sample-plan.js';

const header = { configFile: 'groups.yaml', generatedAt: '2026-11-28T05:00:00.000Z', commit: { hash: 'a'.repeat(40), time: '2026-11-01T00:00:00.000Z' } };
const providers: ProviderInfo[] = [
  { name: 'cl', type: 'commercelayer', settings: { base_url: 'https://user:pw@northwind.commercelayer.io' } },
  { name: 'bc', type: 'bigcommerce', settings: { store_hash: 'abc123' } },
];
const withEstimate = (): Plan => ({
  ...samplePlan(),
  estimate: [
    { provider: 'bc', calls: 3, seconds: 0 },
    { provider: 'cl', calls: 3, seconds: 90 },
  ],
});

/** The text of an element's cells, tags dropped, for `data-count` rows of a provider's card. */
function card(html: string, provider: string): Record<string, string> {
  const section = html.match(new RegExp(`<section class="card" data-provider="${provider}">(.*?)</section>`, 's'))?.[1] ?? '';
  return Object.fromEntries([...section.matchAll(/<tr data-count="([^"]+)">.*?<td class="n">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]));
}

describe('renderHtml', () => {
  it("heads the page with the config, its commit, the time and each provider's platform and store (no credentials)", () => {
    const html = renderHtml(withEstimate(), { header: { ...header, providers } });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<dt>Config</dt><dd><code>groups.yaml</code></dd>');
    expect(html).toContain(`<dt>Commit</dt><dd>${'a'.repeat(12)} (2026-11-01T00:00:00.000Z)</dd>`);
    expect(html).toContain('<li>cl (Commerce Layer, northwind.commercelayer.io)</li><li>bc (BigCommerce, store abc123)</li>');
    expect(html).not.toContain('pw@');
    expect(html).toContain('<p class="headline" id="headline">Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.</p>');
  });

  it('puts findings before the summary, and counts per provider: groups, customers joining, moving, leaving, API cost', () => {
    const html = renderHtml(withEstimate(), { header: { ...header, providers } });
    expect(html.indexOf('⚠ 1 warning')).toBeGreaterThan(0);
    expect(html.indexOf('⚠ 1 warning')).toBeLessThan(html.indexOf('Summary per provider'));
    expect(card(html, 'cl')).toEqual({
      'groups-created': '1',
      'groups-changed': '0',
      'groups-deleted': '0',
      'customers-joining': '1',
      'customers-moving': '1',
      'customers-leaving': '0',
      'api-calls': '3 API calls',
      time: 'at least 1 min 30 s at the documented rate limit',
      findings: '1 finding',
    });
    expect(card(html, 'bc')).toMatchObject({ 'groups-changed': '1', 'groups-deleted': '1', 'customers-leaving': '1', 'api-calls': '3 API calls' });
    // The config's order: cl first.
    expect(html.indexOf('data-provider="cl"')).toBeLessThan(html.indexOf('data-provider="bc"'));
  });

  it('charts the changes per group, marking the deleted group in words as well as colour', () => {
    const html = renderHtml(withEstimate(), { header });
    const bars = [...html.matchAll(/<g class="bar( deleted)?" data-label="([^"]+)" data-total="(\d+)">/g)].map((m) => [m[2], m[3], Boolean(m[1])]);
    // Without the config's providers, by provider name: bc, then cl.
    expect(bars).toEqual([
      ['bc/wholesale', '2', false],
      ['bc/#9 (Legacy)', '1', true],
      ['cl/vip', '3', false],
    ]);
    expect(html).toContain('>1 (group deleted)</text>');
    expect(html).toContain('+ added</span> <span class="key change"><span class="swatch"></span>~ changed');
  });

  it('gives each group a closed section with its field diff and its customers, masked by default', () => {
    const html = renderHtml(withEstimate(), { header });
    const sections = [...html.matchAll(/<details class="group" data-group="([^"]+)">/g)].map((m) => m[1]);
    expect(sections).toEqual(['bc/wholesale', 'bc/#9', 'cl/vip']);
    expect(html).toContain('<code>cl/vip</code>: create group; 2 customers join</summary>');
    expect(html).toContain('<th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th>');
    expect(html).toContain('>-</span><span class="sr">removed: </span>    &quot;amount&quot;: &quot;10.0000&quot;,</span>');
    expect(html).not.toContain('jane@example.com');
    expect(html).toContain(escapeHtml(maskEmailsIn('jane@example.com (from cl/staff)')));
    expect(renderHtml(withEstimate(), { header, maskEmails: false })).toContain('jane@example.com (from cl/staff)');
  });

  it('cuts long member lists with a count', () => {
    const vip = { key: 'vip', id: '1', name: 'VIP' };
    const plan: Plan = { ...samplePlan(), changes: Array.from({ length: 30 }, (_, i) => member('cl', `c${i}@example.com`, null, vip)), findings: [] };
    const html = renderHtml(plan, { header, maxMembers: 10, maskEmails: false });
    expect(html.match(/<li class="add">/g)).toHaveLength(10);
    expect(html).toContain('<li class="more">… and 20 more</li>');
  });

  it('renders names from the config and the platforms as text, never as markup (XSS)', () => {
    const evil = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(2)>';
    const plan: Plan = {
      ...samplePlan(),
      changes: [
        { kind: 'group', action: 'create', address: `cl/x`, provider: 'cl', key: 'x', id: null, before: null, after: { name: evil, metadata: { note: attr } } },
        { kind: 'group', action: 'delete', address: 'bc/#9', provider: 'bc', key: null, id: '9', before: { name: attr }, after: null },
        member('bc', `a@example.com`, null, { key: null, id: '7', name: evil }),
      ],
      findings: [{ severity: 'error', code: 'x', message: `group ${evil} refused`, provider: 'cl' }],
    };
    const html = renderHtml(plan, { header: { ...header, configFile: evil } });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-label="bc/#9 (&quot;&gt;&lt;img src=x onerror=alert(2)&gt;)"');
    // And nothing could load if it did get in: the page allows no source but its own inline style.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('says there is nothing to do when the plan is empty', () => {
    const html = renderHtml({ ...samplePlan(), changes: [], findings: [] }, { header });
    expect(html).toContain('No changes. Live state matches groups.yaml.');
    expect(html).not.toContain('<details');
  });

  it('keeps its text colours at a contrast of at least 4.5:1 (WCAG AA) on the backgrounds they are used on', () => {
    const html = renderHtml(withEstimate(), { header });
    const colours = Object.fromEntries([...html.matchAll(/--([a-z-]+):(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    expect(Object.keys(colours)).toEqual(expect.arrayContaining(['fg', 'muted', 'bg', 'add', 'change', 'remove', 'warn-bg', 'err-bg']));
    for (const text of ['fg', 'muted', 'add', 'change', 'remove']) {
      for (const background of ['bg', 'warn-bg', 'err-bg'])
        expect(contrast(colours[text]!, colours[background]!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    // Code blocks' grey background, with the diff's colours on it.
    for (const text of ['fg', 'muted', 'add', 'change', 'remove'])
      expect(contrast(colours[text]!, '#f6f6f6'), `${text} on a code block`).toBeGreaterThanOrEqual(4.5);
  });
});
