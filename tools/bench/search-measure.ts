/** Timings, their summaries and the plain-text formatting of `npm run bench:search`. */
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BenchQuery } from './search-data.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

export interface Timing {
  ms: number;
  hits: number;
}

export const progress = (message: string) => process.stderr.write(`[bench:search] ${message}\n`);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const n0 = (value: number) => Math.round(value).toLocaleString('en');
export const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
export const ms = (value: number) =>
  Number.isNaN(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : value.toFixed(0);
export const ratio = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×` : '–';

/** Aligned plain-text columns: the first left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanHits: number;
  zero: number;
}
export function summarize(timings: Timing[]): Summary {
  const times = timings.map((t) => t.ms);
  return {
    n: timings.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: Math.max(...times),
    meanHits: mean(timings.map((t) => t.hits)),
    zero: timings.filter((t) => t.hits === 0).length,
  };
}

export async function timeEach<T>(
  items: T[],
  run: (item: T) => Promise<number>,
  label: string,
): Promise<Timing[]> {
  const out: Timing[] = [];
  let last = performance.now();
  for (const [i, item] of items.entries()) {
    const started = performance.now();
    const hits = await run(item);
    out.push({ ms: performance.now() - started, hits });
    if (performance.now() - last > 15000) {
      progress(`${label}: ${i + 1}/${items.length} queries`);
      last = performance.now();
    }
  }
  return out;
}

export const queryText = (query: BenchQuery) => query.terms.join(' ');
export const isJapanese = (query: BenchQuery) => query.terms.some((term) => JAPANESE.test(term));
export const filterText = (query: BenchQuery) =>
  [
    query.fields ? `fields∈{${query.fields.join(',')}}` : '',
    query.trl ? `trl ${query.trl.min}–${query.trl.max}` : '',
    query.facets ? '6 facets' : '',
  ]
    .filter(Boolean)
    .join(', ');
