// The drift report as one self-contained HTML page (`drift --report drift.html`), for the nightly job's
// artifact: the header, findings first, the counts per provider and class, a chart of the last runs from the
// history file, then each item classified (changed on the platform / not yet applied / unknown) with the line
// that acknowledges it in the baseline, and what the baseline silenced until when. Pure.
import type { BaselineNote, DriftEntry, DriftReport } from '../drift/report.js';
import { HISTORY_CLASSES, totals, type HistoryClass, type HistoryEntry } from '../drift/history.js';
import { CLASS, committed, describeChange, headline } from './drift.js';
import { count } from './findings.js';
import { findingsHtml } from './html.js';
import { columnChart, escapeHtml, headerHtml, page, type ReportHeader } from './html-page.js';
import { emailShower } from './mask.js';
import { byProviderOrder, providerTitle } from './plan-view.js';

export interface DriftHtmlOptions {
  header: ReportHeader;
  /** The runs so far, this one last (`drift --history FILE`); the chart shows the last HISTORY_RUNS. */
  history?: readonly HistoryEntry[];
  /** Show `j***#3f2a9c@example.com` instead of full addresses (default: on). */
  maskEmails?: boolean;
  maskKey?: string;
  /** The baseline file, for the how-to and the places of its entries. */
  baselineFile?: string;
  /** Where the whole report is (`drift.json`), for the line that says a list was cut. */
  fullReport?: string;
  /** Most items listed per provider and table (default 500). */
  maxItems?: number;
}

export const HISTORY_RUNS = 90;

/** Each class's CSS class, sign and words: a sign as well as a colour, in the tables and the chart. */
const KINDS: Record<HistoryClass, { css: string; sign: string; words: string }> = {
  'changed-on-platform': { css: 'remove', sign: '!', words: CLASS['changed-on-platform'] },
  'not-yet-applied': { css: 'change', sign: '~', words: CLASS['not-yet-applied'] },
  unknown: { css: 'unknown', sign: '?', words: CLASS.unknown },
  baselined: { css: 'silenced', sign: '=', words: 'baselined' },
};

type Show = (text: string) => string;

export function renderDriftHtml(report: DriftReport, options: DriftHtmlOptions): string {
  const show = emailShower(options.maskEmails ?? true, options.maskKey);
  const order = options.header.providers?.map((provider) => provider.name);
  const names = byProviderOrder(
    [...new Set([...(options.header.providerNames ?? []), ...report.drift.map((i) => i.provider), ...report.silenced.map((i) => i.provider)])],
    (n) => n,
    order,
  );
  const header: ReportHeader = { ...options.header, providerNames: names };
  const body = [
    headerHtml('groupform drift', header),
    `<p class="headline" id="headline">${escapeHtml(headline(report))}</p>`,
    `<p>${escapeHtml(committed(report))}</p>`,
    findingsHtml(report, show),
    baselineNotes('⚠ Expired baseline entries', 'They silence nothing any more: renew or remove them.', report.expiredBaseline, options, show),
    summaryHtml(report, names, header),
    historyHtml(options.history ?? []),
    itemsHtml(report, names, header, options, show),
    silencedHtml(report, options, show),
    baselineNotes('Baseline entries that match no drift', 'The drift they acknowledged is gone: remove them.', report.unusedBaseline, options, show),
  ];
  return page(`groupform drift: ${headline(report)}`, body.filter(Boolean).join('\n'));
}

function summaryHtml(report: DriftReport, names: readonly string[], header: ReportHeader): string {
  const cards = names.map((name) => {
    const n = (kind: HistoryClass): number =>
      kind === 'baselined'
        ? report.silenced.filter((item) => item.provider === name).length
        : report.drift.filter((item) => item.provider === name && item.classification === kind).length;
    const rows = HISTORY_CLASSES.map(
      (kind) =>
        `<tr data-count="${kind}"><th scope="row"><span class="${KINDS[kind].css}"><span class="mark" aria-hidden="true">${KINDS[kind].sign}</span></span>${escapeHtml(cap(KINDS[kind].words))}</th><td class="n">${n(kind)}</td></tr>`,
    );
    return (
      `<section class="card" data-provider="${escapeHtml(name)}"><h3>${escapeHtml(providerTitle(name, header.providers))}</h3>` +
      `<table><thead><tr><th scope="col">Drift</th><th scope="col" class="n">Items</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
    );
  });
  return `<section aria-labelledby="summary"><h2 id="summary">Summary per provider</h2><div class="cards">${cards.join('\n')}</div></section>`;
}

/** The last runs' totals per class as stacked columns, and the same numbers in a table. */
function historyHtml(history: readonly HistoryEntry[]): string {
  const runs = history.slice(-HISTORY_RUNS);
  if (runs.length === 0) {
    return '<section aria-labelledby="history"><h2 id="history">History</h2><p>No history yet: run <code>groupform drift --history drift-history.jsonl</code> to keep one, and the next reports chart it.</p></section>';
  }
  const columns = runs.map((run) => {
    const sums = totals(run);
    return { label: run.time, parts: HISTORY_CLASSES.map((kind) => ({ css: KINDS[kind].css, n: sums[kind], name: KINDS[kind].words })) };
  });
  const legend = `<span class="legend">${HISTORY_CLASSES.map((kind) => `<span class="key ${KINDS[kind].css}"><span class="swatch"></span>${KINDS[kind].sign} ${escapeHtml(KINDS[kind].words)}</span>`).join(' ')}</span>`;
  const caption = `Drift items per run, the last ${count(runs.length, 'run')}, from ${runs[0]!.time} to ${runs[runs.length - 1]!.time}.`;
  const rows = [...runs].reverse().map((run) => {
    const sums = totals(run);
    return `<tr><th scope="row"><time datetime="${escapeHtml(run.time)}">${escapeHtml(run.time)}</time></th>${HISTORY_CLASSES.map((kind) => `<td class="n">${sums[kind]}</td>`).join('')}</tr>`;
  });
  const table =
    `<details><summary>The numbers, newest first</summary><div class="scroll"><table><thead><tr><th scope="col">Run</th>` +
    `${HISTORY_CLASSES.map((kind) => `<th scope="col" class="n">${escapeHtml(cap(KINDS[kind].words))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`;
  return `<section aria-labelledby="history"><h2 id="history">History</h2>${columnChart(columns, caption, legend)}${table}</section>`;
}

function itemsHtml(report: DriftReport, names: readonly string[], header: ReportHeader, options: DriftHtmlOptions, show: Show): string {
  if (report.drift.length === 0) return '';
  const expires = addDays(header.generatedAt, 30);
  const file = options.baselineFile ?? 'drift-baseline.yaml';
  const parts = names.map((name) => {
    const items = report.drift.filter((item) => item.provider === name);
    if (items.length === 0) return '';
    const rows = items
      .slice(0, maxItems(options))
      .map(
        (item) =>
          `<tr data-class="${item.classification}">${itemCells(item, show)}<td><code class="baseline">${escapeHtml(baselineLine(show(item.address), expires))}</code></td></tr>`,
      );
    return (
      `<details class="provider" data-provider="${escapeHtml(name)}" open><summary><h3>${escapeHtml(providerTitle(name, header.providers))}: ${count(items.length, 'item')}</h3></summary>` +
      `<div class="scroll"><table class="wide"><thead><tr><th scope="col">Item</th><th scope="col">Change</th><th scope="col">Drift</th><th scope="col">Live modified</th><th scope="col">Line for the baseline</th></tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table></div>${more(items.length, options)}</details>`
    );
  });
  const howTo = `<p>To acknowledge an item until a date, add its line under <code>items:</code> in <code>${escapeHtml(file)}</code> (with the reason, and the last day it is silenced) and pass <code>--baseline ${escapeHtml(file)}</code>.</p>`;
  return `<section aria-labelledby="items"><h2 id="items">Drift items</h2>${howTo}${parts.join('\n')}</section>`;
}

function silencedHtml(report: DriftReport, options: DriftHtmlOptions, show: Show): string {
  if (report.silenced.length === 0) return '';
  const rows = report.silenced
    .slice(0, maxItems(options))
    .map(
      (item) =>
        `<tr data-class="baselined">${itemCells(item, show)}<td>${escapeHtml(item.baseline.expires)}</td><td>${escapeHtml(item.baseline.reason)}</td></tr>`,
    );
  return (
    `<section aria-labelledby="silenced"><h2 id="silenced">Baselined (${report.silenced.length})</h2><div class="scroll"><table class="wide"><thead><tr>` +
    '<th scope="col">Item</th><th scope="col">Change</th><th scope="col">Drift</th><th scope="col">Live modified</th><th scope="col">Silenced until</th><th scope="col">Reason</th>' +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div>${more(report.silenced.length, options)}</section>`
  );
}

function itemCells(item: DriftEntry, show: Show): string {
  const kind = KINDS[item.classification];
  return (
    `<th scope="row"><code>${escapeHtml(show(item.address))}</code></th><td>${escapeHtml(describeChange(item.change))}</td>` +
    `<td class="${kind.css} nowrap"><span class="mark" aria-hidden="true">${kind.sign}</span>${escapeHtml(kind.words)}</td><td class="nowrap">${escapeHtml(item.liveUpdatedAt ?? 'unknown')}</td>`
  );
}

function baselineNotes(title: string, advice: string, notes: readonly BaselineNote[], options: DriftHtmlOptions, show: Show): string {
  if (notes.length === 0) return '';
  const file = options.baselineFile ?? 'baseline';
  const items = notes.map(
    (note) =>
      `<li><code>${escapeHtml(`${file}:${note.line}`)}</code> <code>${escapeHtml(show(note.address))}</code> (${escapeHtml(note.expires)}): ${escapeHtml(note.reason)}</li>`,
  );
  return `<section class="alert warnings"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(advice)}</p><ul>${items.join('')}</ul></section>`;
}

/** A flow-style entry, ready to paste under `items:`; the address as a JSON string, which YAML reads as is. */
export function baselineLine(address: string, expires: string): string {
  return `  - { address: ${JSON.stringify(address)}, reason: "why this drift is expected", expires: ${expires} }`;
}

function maxItems(options: DriftHtmlOptions): number {
  return options.maxItems ?? 500;
}

function more(total: number, options: DriftHtmlOptions): string {
  const left = total - Math.min(total, maxItems(options));
  if (left === 0) return '';
  const where = options.fullReport ? `the full report (${options.fullReport})` : 'the full report (groupform drift --report drift.json)';
  return `<p class="more">${escapeHtml(`${count(left, 'more item')} in ${where}.`)}</p>`;
}

/** `YYYY-MM-DD`, `days` after an ISO time. */
function addDays(time: string, days: number): string {
  const date = new Date(Date.parse(time) + days * 86_400_000);
  return Number.isNaN(date.getTime()) ? 'YYYY-MM-DD' : date.toISOString().slice(0, 10);
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
