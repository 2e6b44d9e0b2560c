/**
 * The scale bench's outputs: the "scale" section of bench/RESULTS.md and an SVG chart of load
 * time and memory against N, one line per engine.
 */
import type { PeerName } from './scale-peers.ts';

export interface Quantiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface EngineLoad {
  engine: PeerName | 'compact';
  failed: boolean;
  loadMs?: number;
  heapMb?: number;
  buffersMb?: number;
  search?: Quantiles;
  /** The compact index only: searchArticles (the Worker's search without HTTP). */
  route?: Quantiles;
  /** Loaded under `node --max-old-space-size=128`. */
  fitsHeapCap: boolean;
}

export interface WorkerRun {
  readyMs: number;
  firstMs: number;
  search: Quantiles;
  searchWall: Quantiles;
  suggest: Quantiles;
}

export interface SizeResult {
  n: number;
  indexed: number;
  refused: number;
  buildMs: number;
  rawBytes: number;
  gzipBytes: number;
  bundle: { totalKiB: number; gzipKiB: number } | undefined;
  startupMs: number | undefined;
  loads: EngineLoad[];
  worker: WorkerRun | undefined;
  queries: number;
}

const NAMES: Record<EngineLoad['engine'], string> = {
  compact: 'compact index (this Worker)',
  minisearch: 'plain MiniSearch (loadJSON)',
  flexsearch: 'FlexSearch 0.8 (import)',
  orama: 'Orama 3 (load)',
};
const COLORS: Record<EngineLoad['engine'], string> = { compact: '#1f77b4', minisearch: '#d62728', flexsearch: '#2ca02c', orama: '#9467bd' };
const TARGETS: Record<number, { readyMs: number; heapMb: number; p95: number }> = {
  1000: { readyMs: 30, heapMb: 25, p95: 2 },
  10000: { readyMs: 150, heapMb: 80, p95: 5 },
  31030: { readyMs: 400, heapMb: 120, p95: 10 },
};

/** Findings that hold across runs (profiles and one-off measurements on 2026-11-24). */
const NOTES = `### Notes

- The index is one binary file, imported as a wrangler \`Data\` module (an ArrayBuffer) and read in place
  (src/search/compact/README.md). The alternative, the same bytes as a base64 string literal, measured
  220 ms to decode 50 MiB in Node (\`atob\` and a copy loop), holds a 67 MB string besides the bytes, and
  makes the 31,030-article bundle 67 MiB, over the 64 MiB limit.
- How the Worker's search p95 came down (11 / 10 / 14 ms at 1,000 / 10,000 / 31,030 in the first run):
  a table-driven word scanner (3x the regex); bodies decoded only as far as the snippet's window;
  title-only matches take the opening; the build stores each body word's index terms, so snippets
  find matches by walking word ranks with no analysis per request (format 3); then (format 4) the
  search pass reads every match as a position and a score, filters and counts facets over typed
  columns, keeps the page with a top-k heap and makes MiniSearch results and articles for the page
  only (tests/build/search-pass.test.ts holds it to the full sort), quoted phrases are checked by
  walking word ranks against build-time term lists (the worst phrase query at 31,030 went from
  129 ms to about 30 ms), and past the opening a snippet goes to the first match instead of reading
  the whole article for the densest window. The "engine" column is MiniSearch's \`search()\`, which
  makes a result object per match; searchArticles no longer calls it, hence lower figures at 31,030.
- Bodies are stored as word codes (27 MB instead of 96 MB of UTF-8 at N = 31,030); without that the
  full corpus does not fit the bundle limit.
- Orama is measured up to N = 10,000 (\`--orama-max\`): its saved index is 26 MB of JSON at 1,000
  articles and grows with N toward V8's longest string, and at 10,000 its heap is already four times
  the isolate's memory. The Worker copies run without the rate limiter (the bench sends hundreds of
  queries from one address). workerd's timer has millisecond resolution, hence the whole milliseconds.
- \`wrangler dev\` answers its first request after the module, index included, is evaluated, so the
  first response does not show the index; \`wrangler check startup\` does (startup CPU column).
- The equality suite (tests/build/compact-equality.test.ts) checks that these results are plain
  MiniSearch's: same JSON serialization, same results and scores for 300 title queries.`;

const ms = (x: number | undefined): string => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const mb = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(1));
const q3 = (q: Quantiles | undefined): string => (q === undefined ? '–' : `${ms(q.p50)} / ${ms(q.p95)} / ${ms(q.p99)}`);
const MiB = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** Which targets this run met, from its own numbers (workerd startup CPU for ready, heap + buffer, Worker p95). */
function verdict(results: readonly SizeResult[]): string {
  const rows = results.flatMap((r) => {
    const target = TARGETS[r.n];
    const compact = r.loads.find((l) => l.engine === 'compact');
    if (target === undefined || compact === undefined) return [];
    const memory = (compact.heapMb ?? 0) + (compact.buffersMb ?? 0);
    const ready = r.startupMs ?? compact.loadMs;
    const p95 = r.worker?.search.p95;
    const checks = [
      `ready ${ready === undefined ? '–' : `${ms(ready)} ms`} ${ready !== undefined && ready <= target.readyMs ? '≤' : '>'} ${target.readyMs} ms`,
      `memory ${mb(memory)} MB ${memory <= target.heapMb ? '≤' : '>'} ${target.heapMb} MB`,
      `search p95 ${p95 === undefined ? '–' : `${ms(p95)} ms`} ${p95 !== undefined && p95 <= target.p95 ? '≤' : '>'} ${target.p95} ms`,
    ];
    return [`- N = ${r.n.toLocaleString('en')}: ${checks.join(', ')}.`];
  });
  return ['**Targets in this run** (startup CPU in workerd, heap + index buffer, Worker Server-Timing p95):', '', ...rows].join('\n');
}

export interface EmptyWorker {
  firstMs: number;
  startupMs: number | undefined;
}

export function renderSection(results: readonly SizeResult[], empty: EmptyWorker | undefined, runs: number): string {
  const lines: string[] = [];
  lines.push('## Scale and cold start');
  lines.push('');
  lines.push(
    `Run ${new Date().toISOString().slice(0, 16)}Z by \`npm run bench:scale -- --sizes ${results.map((r) => r.n).join(',')}\`, Node ${process.version}. ` +
      'SaudiNewsNet: the first N lines of the gzip (lines without a body, or that the build refuses, are left out). ' +
      `Fresh-process figures are medians of ${runs} processes; workerd figures come from \`wrangler dev\` (${runs} starts, queries on the last). ` +
      '**The machine has 2 CPU cores shared with other jobs running at the same time, so absolute times are noisy; compare engines within a row.**',
  );
  lines.push('');
  lines.push('### Against the targets');
  lines.push('');
  lines.push(
    "Ready = the index opened in a fresh Node process (median), and the Worker's whole startup CPU in workerd (`wrangler check startup`, " +
      `active time; an empty Worker takes ${ms(empty?.startupMs)} ms). Memory = JS heap after load and a GC plus the index file's ArrayBuffer (a Data module, which lives in the isolate too). ` +
      "Search p95: the engine alone and the Worker's whole search (searchArticles: facets and snippets included) in Node, then through workerd (Server-Timing, whole milliseconds).",
  );
  lines.push('');
  lines.push(
    '| N | indexed | ready: Node load / workerd startup CPU | heap + index buffer | search p95: engine / searchArticles / Worker (Server-Timing) | targets: ready / memory / p95 |',
  );
  lines.push('|---|---|---|---|---|---|');
  for (const r of results) {
    const compact = r.loads.find((l) => l.engine === 'compact');
    const target = TARGETS[r.n];
    const memory = compact?.heapMb === undefined ? undefined : compact.heapMb + (compact.buffersMb ?? 0);
    lines.push(
      `| ${r.n.toLocaleString('en')} | ${r.indexed.toLocaleString('en')} (${r.refused} left out) | ${ms(compact?.loadMs)} ms / ${ms(r.startupMs)} ms | ${mb(compact?.heapMb)} + ${mb(compact?.buffersMb)} = ${mb(memory)} MB | ${ms(compact?.search?.p95)} / ${ms(compact?.route?.p95)} / ${ms(r.worker?.search.p95)} ms | ${target ? `${target.readyMs} ms / ${target.heapMb} MB / ${target.p95} ms` : '–'} |`,
    );
  }
  lines.push('');
  lines.push('### Build and bundle');
  lines.push('');
  lines.push(
    '| N | build (CLI, wall) | index raw / gzip | bundle (`wrangler deploy --dry-run`) total / gzip | startup CPU (`wrangler check startup`, active) |',
  );
  lines.push('|---|---|---|---|---|');
  for (const r of results) {
    const bundle = r.bundle ? `${(r.bundle.totalKiB / 1024).toFixed(1)} MiB / ${(r.bundle.gzipKiB / 1024).toFixed(1)} MiB` : '–';
    lines.push(
      `| ${r.n.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(1)} s | ${MiB(r.rawBytes)} MiB / ${MiB(r.gzipBytes)} MiB | ${bundle} | ${ms(r.startupMs)} ms |`,
    );
  }
  lines.push('');
  lines.push('### Fresh-process load (Node, `--expose-gc`), same corpus and queries for every engine');
  lines.push('');
  lines.push(
    'Load = from the serialized index in memory to ready to search (reading the file is not timed). Heap = `heapUsed` after load and a GC; the compact index lives in an ArrayBuffer, counted apart. Search = the engine alone, no HTTP, over the query set (FlexSearch and Orama stop at 10 hits; MiniSearch and the compact index rank every match).',
  );
  lines.push('');
  lines.push('| N | engine | load | heap | buffers | search p50 / p95 / p99 | loads under `--max-old-space-size=128` |');
  lines.push('|---|---|---|---|---|---|---|');
  // searchArticles rows follow the compact index's: the same queries through the Worker's search code.
  for (const r of results) {
    for (const l of r.loads) {
      if (l.failed) {
        lines.push(`| ${r.n.toLocaleString('en')} | ${NAMES[l.engine]} | failed | | | | no |`);
        continue;
      }
      lines.push(
        `| ${r.n.toLocaleString('en')} | ${NAMES[l.engine]} | ${ms(l.loadMs)} ms | ${mb(l.heapMb)} MB | ${mb(l.buffersMb)} MB | ${q3(l.search)} ms | ${l.fitsHeapCap ? 'yes' : '**no**'} |`,
      );
      if (l.route) lines.push(`| ${r.n.toLocaleString('en')} | … its searchArticles (facets, snippets) | | | | ${q3(l.route)} ms | |`);
    }
  }
  lines.push('');
  lines.push('### Through the Worker (workerd under `wrangler dev`)');
  lines.push('');
  lines.push(
    `First response after wrangler is ready (the index is opened while the module is evaluated, before that); an empty Worker's: ${ms(empty?.firstMs)} ms. Search and suggest times are the Worker's Server-Timing \`dur\` (whole milliseconds in workerd), each query once (so the edge cache never answers); wall = client round trip over loopback.`,
  );
  lines.push('');
  lines.push('| N | queries | wrangler ready | first /api/health | search p50 / p95 / p99 | search wall p50 / p95 / p99 | suggest p50 / p95 / p99 |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const w = r.worker;
    if (!w) continue;
    lines.push(
      `| ${r.n.toLocaleString('en')} | ${r.queries} | ${(w.readyMs / 1000).toFixed(1)} s | ${ms(w.firstMs)} ms | ${q3(w.search)} ms | ${q3(w.searchWall)} ms | ${q3(w.suggest)} ms |`,
    );
  }
  lines.push('');
  lines.push(verdict(results));
  lines.push('');
  lines.push(NOTES);
  lines.push('');
  lines.push('![Load time and memory against N](scale.svg)');
  return lines.join('\n');
}

/** Two panels, load time and memory (heap + buffers) against N, one polyline per engine. */
export function renderChart(results: readonly SizeResult[]): string {
  const W = 360;
  const H = 240;
  const pad = { left: 56, right: 28, top: 28, bottom: 40 };
  const engines = [...new Set(results.flatMap((r) => r.loads.map((l) => l.engine)))];
  const xs = results.map((r) => r.n);
  const maxN = Math.max(...xs);
  const panel = (offsetX: number, title: string, unit: string, value: (l: EngineLoad) => number | undefined): string => {
    const points = engines.map((engine) => ({
      engine,
      points: results
        .map((r) => ({ n: r.n, v: value(r.loads.find((l) => l.engine === engine && !l.failed) ?? ({} as EngineLoad)) }))
        .filter((p): p is { n: number; v: number } => p.v !== undefined),
    }));
    const maxV = Math.max(1, ...points.flatMap((p) => p.points.map((q) => q.v)));
    const x = (n: number): number => offsetX + pad.left + (n / maxN) * (W - pad.left - pad.right);
    const y = (v: number): number => pad.top + (1 - v / maxV) * (H - pad.top - pad.bottom);
    const parts: string[] = [];
    parts.push(`<text x="${offsetX + W / 2}" y="16" text-anchor="middle" font-weight="bold">${title}</text>`);
    parts.push(
      `<line x1="${x(0)}" y1="${y(0)}" x2="${x(maxN)}" y2="${y(0)}" stroke="#444"/><line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(maxV)}" stroke="#444"/>`,
    );
    for (let k = 0; k <= 4; k++) {
      const v = (maxV * k) / 4;
      parts.push(`<text x="${x(0) - 4}" y="${y(v) + 4}" text-anchor="end">${v < 10 ? v.toFixed(1) : v.toFixed(0)}</text>`);
    }
    for (const n of xs) parts.push(`<text x="${x(n)}" y="${H - pad.bottom + 16}" text-anchor="middle">${n.toLocaleString('en')}</text>`);
    parts.push(`<text x="${offsetX + W / 2}" y="${H - 6}" text-anchor="middle">articles (N)</text>`);
    parts.push(`<text x="${offsetX + 12}" y="${pad.top - 6}">${unit}</text>`);
    for (const { engine, points: ps } of points) {
      if (ps.length === 0) continue;
      parts.push(
        `<polyline fill="none" stroke="${COLORS[engine]}" stroke-width="2" points="${ps.map((p) => `${x(p.n).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}"/>`,
      );
      for (const p of ps) parts.push(`<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3" fill="${COLORS[engine]}"/>`);
    }
    return parts.join('\n');
  };
  const legend = engines
    .map(
      (engine, i) =>
        `<rect x="${20 + i * 180}" y="${H + 6}" width="12" height="12" fill="${COLORS[engine]}"/><text x="${36 + i * 180}" y="${H + 16}">${NAMES[engine]}</text>`,
    )
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 28}" viewBox="0 0 ${2 * W} ${H + 28}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    panel(0, 'Load time in a fresh process', 'ms', (l) => l.loadMs),
    panel(W, 'Memory after load (heap + buffers)', 'MB', (l) => (l.heapMb === undefined ? undefined : l.heapMb + (l.buffersMb ?? 0))),
    legend,
    '</svg>',
    '',
  ].join('\n');
}
