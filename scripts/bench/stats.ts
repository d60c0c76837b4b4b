/** What every benchmark module shares: its shape, and how samples are summarised. */
import type { Browser } from 'playwright-core';

interface BenchmarkTools {
  /** A plain Chromium (no extension) for page-level measurements. */
  browser: Browser;
  /** Progress for the person waiting; goes to stderr so stdout stays one JSON document. */
  log(message: string): void;
  /** `--before <git ref>`: a commit to build and measure beside the current build (popup-paint). */
  before?: string;
}

export interface Benchmark {
  name: string;
  run(tools: BenchmarkTools): Promise<unknown>;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

const round = (value: number) => Number(value.toFixed(4));

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/**
 * tsx compiles functions passed to page.evaluate with a `__name` helper that pages do not have;
 * a page that runs such a function first runs this.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';
