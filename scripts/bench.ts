/**
 * `npm run bench`: runs every benchmark module in real Chromium (start-firefox in Firefox) and prints one JSON document with
 * the machine it ran on. `tsx scripts/bench.ts <name>…` runs only the named modules;
 * `--before <git ref>` has popup-paint measure that commit's build beside the current one.
 * Progress goes to stderr. Figures are for reading, never asserted by a test.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../sim/browser';
import { busyPage } from './bench/busy-page';
import { detectScan } from './bench/detect-scan';
import { popupPaint } from './bench/popup-paint';
import { start } from './bench/start';
import { startFirefox } from './bench/start-firefox';
import type { Benchmark } from './bench/stats';

/** Every benchmark, in the order they run. Add a module here to have `npm run bench` run it. */
const BENCHMARKS: Benchmark[] = [detectScan, busyPage, popupPaint, start, startFirefox];

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? args[beforeAt + 1] : undefined;
if (beforeAt >= 0 && !before) throw new Error('--before needs a git ref (a commit, branch or tag)');
const wanted = args.filter((_, i) => beforeAt < 0 || (i !== beforeAt && i !== beforeAt + 1));
const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
const log = (message: string) => process.stderr.write(`${message}\n`);

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_FLAGS,
});
const chromiumVersion = browser.version();
// Other work on the machine slows every figure; the load shows how quiet it was.
const loadBefore = loadavg()[0]!;
const results: Record<string, unknown> = {};
/** How long each section took, so a quiet full run can be planned. */
const wallSeconds: Record<string, number> = {};
try {
  for (const benchmark of selected) {
    const started = performance.now();
    results[benchmark.name] = await benchmark.run({ browser, log, before });
    wallSeconds[benchmark.name] = Math.round((performance.now() - started) / 1000);
    log(`${benchmark.name}: ${wallSeconds[benchmark.name]} s`);
  }
} finally {
  await browser.close();
}

const machine = {
  cpuCores: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  chromium: chromiumVersion,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0]!.toFixed(2)) },
};
process.stdout.write(
  `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, wallSeconds, results }, null, 2)}\n`,
);
