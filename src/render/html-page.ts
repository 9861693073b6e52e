// What the HTML reports (plan, drift) share: escaping, the page around them, the header, and the SVG bar
// charts. A report is one self-contained file: inline CSS and SVG, no script at all, and a Content-Security-
// Policy that lets the page fetch nothing, so that it works offline, as a CI artifact, and a name from a
// config or a server can never run as code. Pure.
import type { Mark, ProviderInfo } from './plan-view.js';
import { providerTitle } from './plan-view.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** The CSS class and the words a screen reader and a printout get for each sign. */
export const MARKS: Record<Mark, { css: string; words: string }> = {
  '+': { css: 'add', words: 'added' },
  '~': { css: 'change', words: 'changed' },
  '-': { css: 'remove', words: 'removed' },
  ' ': { css: 'same', words: 'unchanged' },
};

/** A sign, shown (colour is never the only signal) and named for screen readers. */
export function mark(sign: Mark): string {
  return `<span class="mark" aria-hidden="true">${sign === ' ' ? '&nbsp;' : escapeHtml(sign)}</span><span class="sr">${MARKS[sign].words}: </span>`;
}

/** What heads every report: where it came from and when. */
export interface ReportHeader {
  /** The config file, as the user named it. */
  configFile: string;
  /** The last commit that touched the config, when it is in a git repository. */
  commit?: { hash: string; time: string } | null;
  /** When the report was made (ISO 8601); passed in, so that rendering stays pure. */
  generatedAt: string;
  /** The config's provider instances (platform and store; never a secret). */
  providers?: readonly ProviderInfo[];
  /** The providers the report covers, for when `providers` is not known. */
  providerNames?: readonly string[];
}

export function headerHtml(title: string, header: ReportHeader): string {
  const names = header.providers?.map((provider) => provider.name) ?? header.providerNames ?? [];
  const providers = names.map((name) => `<li>${escapeHtml(providerTitle(name, header.providers))}</li>`).join('');
  const commit = header.commit ? `${escapeHtml(header.commit.hash.slice(0, 12))} (${escapeHtml(header.commit.time)})` : 'unknown (not in a git repository)';
  return [
    `<header><h1>${escapeHtml(title)}</h1><dl class="meta">`,
    `<dt>Config</dt><dd><code>${escapeHtml(header.configFile)}</code></dd>`,
    `<dt>Commit</dt><dd>${commit}</dd>`,
    `<dt>Generated</dt><dd><time datetime="${escapeHtml(header.generatedAt)}">${escapeHtml(header.generatedAt)}</time></dd>`,
    `<dt>Providers</dt><dd>${providers ? `<ul class="plain">${providers}</ul>` : 'none'}</dd>`,
    '</dl></header>',
  ].join('\n');
}

/** The whole document around `body`. */
export function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No source is allowed for anything but the inline style: no script, image, font or request of any kind.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="generator" content="groupform">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One bar's parts: how many of each sign. */
export interface BarRow {
  /** What the bar is of (a group address); shown cut to fit, whole in the tooltip and the table. */
  label: string;
  parts: Partial<Record<'+' | '~' | '-', number>>;
  /** Marked on the chart: the group itself is deleted. */
  deleted?: boolean;
}

const CHART_WIDTH = 460;
const LABEL_WIDTH = 150;
const BAR_HEIGHT = 16;
const ROW_HEIGHT = 24;
const SIGNS = ['+', '~', '-'] as const;

/**
 * A horizontal bar chart, one bar per row, each bar cut into its `+ ~ -` parts (colour and a pattern for
 * removals, and a legend with the signs). Every bar has a tooltip with its numbers; `caption` says what the
 * chart shows for a screen reader.
 */
export function barChart(rows: readonly BarRow[], caption: string): string {
  const max = Math.max(1, ...rows.map(total));
  // Room after the longest bar for its count and `(group deleted)`.
  const span = CHART_WIDTH - LABEL_WIDTH - 120;
  const height = rows.length * ROW_HEIGHT + 4;
  const bars = rows.map((row, index) => {
    const y = index * ROW_HEIGHT + 2;
    let x = LABEL_WIDTH;
    const rects = SIGNS.flatMap((sign) => {
      const n = row.parts[sign] ?? 0;
      if (n === 0) return [];
      const width = Math.max(1, (n / max) * span);
      const rect = `<rect class="${MARKS[sign].css}" data-sign="${sign}" data-count="${n}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}"/>`;
      x += width;
      return [rect];
    });
    const tip = `${row.label}: ${describeParts(row.parts)}${row.deleted ? '; the group is deleted' : ''}`;
    const label = row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label;
    const end = `${total(row)}${row.deleted ? ' (group deleted)' : ''}`;
    return (
      `<g class="bar${row.deleted ? ' deleted' : ''}" data-label="${escapeHtml(row.label)}" data-total="${total(row)}"><title>${escapeHtml(tip)}</title>` +
      `<text class="label" x="${LABEL_WIDTH - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(label)}</text>${rects.join('')}` +
      `<text class="end" x="${(x + 4).toFixed(1)}" y="${y + 12}">${escapeHtml(end)}</text></g>`
    );
  });
  return (
    `<figure class="chart"><svg role="img" aria-label="${escapeHtml(caption)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `${PATTERN}${bars.join('')}</svg><figcaption>${escapeHtml(caption)} ${legend()}</figcaption></figure>`
  );
}

export interface Column {
  /** What the column is of, for the tooltip and the legend. */
  label: string;
  parts: readonly { css: string; n: number; name: string }[];
}

/** A column chart of runs over time (the drift history): stacked parts per column, the first and last label below. */
export function columnChart(columns: readonly Column[], caption: string, legendHtml: string): string {
  const height = 140;
  const top = 14;
  const max = Math.max(1, ...columns.map((column) => column.parts.reduce((sum, part) => sum + part.n, 0)));
  const step = (CHART_WIDTH - 40) / Math.max(columns.length, 1);
  const width = Math.max(1, step * 0.8);
  const bars = columns.map((column, index) => {
    const x = 36 + index * step;
    let y = top + height;
    const rects = column.parts
      .filter((part) => part.n > 0)
      .map((part) => {
        const h = Math.max(1, (part.n / max) * height);
        y -= h;
        return `<rect class="${part.css}" data-count="${part.n}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}"/>`;
      });
    const tip = `${column.label}: ${column.parts.map((part) => `${part.n} ${part.name}`).join(', ')}`;
    return `<g class="run" data-label="${escapeHtml(column.label)}"><title>${escapeHtml(tip)}</title>${rects.join('')}</g>`;
  });
  const first = columns[0]?.label.slice(0, 10) ?? '';
  const last = columns[columns.length - 1]?.label.slice(0, 10) ?? '';
  const axis =
    `<line class="axis" x1="34" y1="${top + height}" x2="${CHART_WIDTH}" y2="${top + height}"/>` +
    `<text class="end" x="30" y="${top + 4}" text-anchor="end">${max}</text><text class="end" x="30" y="${top + height}" text-anchor="end">0</text>` +
    `<text class="end" x="36" y="${top + height + 14}">${escapeHtml(first)}</text><text class="end" x="${CHART_WIDTH}" y="${top + height + 14}" text-anchor="end">${escapeHtml(last)}</text>`;
  return (
    `<figure class="chart"><svg role="img" aria-label="${escapeHtml(caption)}" viewBox="0 0 ${CHART_WIDTH} ${top + height + 20}" width="100%">` +
    `${PATTERN}${axis}${bars.join('')}</svg><figcaption>${escapeHtml(caption)} ${legendHtml}</figcaption></figure>`
  );
}

/** `<span class="key add">+ added</span>…`: a legend entry per sign. */
function legend(): string {
  return `<span class="legend">${SIGNS.map((sign) => `<span class="key ${MARKS[sign].css}"><span class="swatch"></span>${escapeHtml(sign)} ${MARKS[sign].words}</span>`).join(' ')}</span>`;
}

function total(row: BarRow): number {
  return SIGNS.reduce((sum, sign) => sum + (row.parts[sign] ?? 0), 0);
}

function describeParts(parts: BarRow['parts']): string {
  return (
    SIGNS.filter((sign) => (parts[sign] ?? 0) > 0)
      .map((sign) => `${parts[sign]} ${sign} ${MARKS[sign].words}`)
      .join(', ') || 'no changes'
  );
}

/** Removals are striped as well as red, so that they stand out without colour (and in a black-and-white print). */
const PATTERN =
  '<defs><pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#b3261e"/><rect width="2" height="6" fill="#fff"/></pattern></defs>';

// Colours meet WCAG AA (4.5:1) on their backgrounds; every coloured thing also carries a sign or a word.
const CSS = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#ffffff;--line:#c8c8c8;--add:#116329;--change:#7a4500;--remove:#b3261e;--warn-bg:#fff4d6;--err-bg:#fde7e5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:1rem 0 .4rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{margin:.3rem 0;padding:.4rem .6rem;background:#f6f6f6;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
ul.plain{list-style:none;margin:0;padding:0}
.headline{font-size:1.1rem;font-weight:600}
.alert{border:3px solid var(--remove);background:var(--err-bg);padding:.6rem 1rem;margin:1rem 0}
.alert.warnings{border-color:var(--change);background:var(--warn-bg)}
.alert h2{border:0;margin:0 0 .3rem}.alert li{overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem}.card h3{margin-top:.2rem;overflow-wrap:anywhere}.card th{white-space:nowrap}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}.scroll table.wide{min-width:760px}.nowrap{white-space:nowrap}
.add{color:var(--add)}.change{color:var(--change)}.remove{color:var(--remove)}.same{color:var(--muted)}
.mark{display:inline-block;width:1.2em;font-weight:700;font-family:ui-monospace,monospace}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
details{border:1px solid var(--line);border-radius:6px;margin:.4rem 0;padding:0 .8rem}
details[open]{padding-bottom:.6rem}
summary{cursor:pointer;padding:.4rem 0;overflow-wrap:anywhere}summary h3{display:inline;margin:0}
ul.members{list-style:none;padding-left:.5rem;margin:.2rem 0}ul.members li{overflow-wrap:anywhere}
.more{color:var(--muted);font-style:italic}
.chart{margin:0}.chart svg{max-width:680px;display:block}.chart text{font-size:12px;fill:var(--fg)}
.chart rect.add{fill:var(--add)}.chart rect.change{fill:var(--change)}.chart rect.remove{fill:url(#stripes)}.chart rect.unknown{fill:#5a5a5a}.chart rect.silenced{fill:#8a8a8a}
.chart .deleted text.label{fill:var(--remove);font-weight:700}.chart .axis{stroke:var(--muted)}
figcaption{color:var(--muted);font-size:.9rem}.legend{display:inline-flex;flex-wrap:wrap;gap:.8rem}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle;background:currentColor}
.key.remove .swatch{background:repeating-linear-gradient(45deg,var(--remove) 0 3px,#fff 3px 5px)}
.key.unknown .swatch{background:#5a5a5a}.key.silenced .swatch{background:#8a8a8a}
@media (max-width:600px){body{font-size:14px}main{padding:.6rem}.meta{grid-template-columns:1fr}.meta dt{margin-top:.3rem}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}details{break-inside:avoid}details::details-content{content-visibility:visible;display:block;height:auto}
summary{list-style:none}.scroll{overflow:visible}a{color:inherit}}
`.trim();
