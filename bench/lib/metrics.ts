/** Ranking metrics over one relevant document per query, and latency percentiles. */

export interface RankedRun {
  /** 1-based rank of the relevant document in the top 10, or 0 when it is not there. */
  ranks: number[];
  /** Queries that returned nothing at all. */
  zeroResults: number;
  /** Wall-clock time of each query, in milliseconds. */
  millis: number[];
}

export interface Scores {
  mrr10: number;
  recall1: number;
  recall5: number;
  recall10: number;
  zeroResults: number;
  p50: number;
  p95: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function score(run: RankedRun): Scores {
  const n = run.ranks.length;
  const within = (k: number) => run.ranks.filter((rank) => rank > 0 && rank <= k).length / n;
  return {
    mrr10: run.ranks.reduce((sum, rank) => sum + (rank > 0 ? 1 / rank : 0), 0) / n,
    recall1: within(1),
    recall5: within(5),
    recall10: within(10),
    zeroResults: run.zeroResults,
    p50: percentile(run.millis, 50),
    p95: percentile(run.millis, 95),
  };
}

/** Runs every query through `search` (top-10 ids, best first) and records ranks and times. */
export function runQueries(queries: readonly { text: string; relevant: string }[], search: (text: string) => string[]): RankedRun {
  const run: RankedRun = { ranks: [], zeroResults: 0, millis: [] };
  for (const query of queries) {
    const started = performance.now();
    const ids = search(query.text);
    run.millis.push(performance.now() - started);
    if (ids.length === 0) run.zeroResults++;
    run.ranks.push(ids.slice(0, 10).indexOf(query.relevant) + 1);
  }
  return run;
}
