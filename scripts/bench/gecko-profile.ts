/**
 * Reading a Firefox (Gecko) profile, as Firefox writes it at shutdown when started with
 * MOZ_PROFILER_STARTUP and MOZ_PROFILER_SHUTDOWN: the main threads of its web content processes,
 * each sample with its time (epoch ms), the thread CPU time it stands for, whether an
 * extension's (moz-extension://) code is on its stack and whether Firefox is injecting a content
 * script (compiling or evaluating it) in it.
 */
import { readFileSync } from 'node:fs';

interface Table {
  schema: Record<string, number>;
  data: (number | null)[][];
}

interface GeckoThread {
  name: string;
  processName?: string;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

interface GeckoProfile {
  meta: { startTime: number; sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

export interface GeckoSample {
  /** Epoch ms. */
  at: number;
  /** The thread's CPU time since the sample before, in ms. */
  cpuMs: number;
  inExtension: boolean;
  /** Firefox's content-script injection (ExtensionContent's injectIntoIsolatedWorld) is on its stack. */
  injecting: boolean;
  /** Which thread took it (samples of several processes' threads interleave). */
  thread: number;
}

/** CPU deltas come in the unit the profile names (ns on Linux). */
const MS_PER_UNIT: Record<string, number> = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1 };

function samplesOfThread(
  thread: GeckoThread,
  index: number,
  startTime: number,
  unitMs: number,
): GeckoSample[] {
  const { samples, stackTable, frameTable, stringTable } = thread;
  /** Whether a stack or any caller in it has a frame whose location passes a test, remembered per stack. */
  const onStack = (test: (location: string) => boolean) => {
    const known = new Map<number, boolean>();
    const check = (stack: number | null): boolean => {
      if (stack === null) return false;
      let answer = known.get(stack);
      if (answer === undefined) {
        const row = stackTable.data[stack]!;
        const frame = frameTable.data[row[stackTable.schema.frame!] as number]!;
        const location = stringTable[frame[frameTable.schema.location!] as number] ?? '';
        answer = test(location) || check(row[stackTable.schema.prefix!] as number | null);
        known.set(stack, answer);
      }
      return answer;
    };
    return check;
  };
  const inExtension = onStack((location) => location.includes('moz-extension://'));
  const injecting = onStack((location) => location.includes('injectIntoIsolatedWorld'));
  const { stack, time, threadCPUDelta } = samples.schema;
  return samples.data.map((row) => ({
    at: startTime + (row[time!] as number),
    cpuMs: threadCPUDelta === undefined ? 0 : ((row[threadCPUDelta] as number | null) ?? 0) * unitMs,
    inExtension: inExtension(row[stack!] as number | null),
    injecting: injecting(row[stack!] as number | null),
    thread: index,
  }));
}

/** Every sample of the main thread of every web content process, in time order. */
export function contentSamples(path: string): GeckoSample[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as GeckoProfile;
  const unit = profile.meta.sampleUnits?.threadCPUDelta ?? 'ns';
  const unitMs = MS_PER_UNIT[unit];
  if (unitMs === undefined) throw new Error(`gecko profile: CPU deltas in an unknown unit, ${unit}`);
  const all: GeckoSample[] = [];
  let index = 0;
  for (const process of profile.processes ?? []) {
    for (const thread of process.threads) {
      if (thread.name !== 'GeckoMain' || thread.processName !== 'Web Content') continue;
      for (const sample of samplesOfThread(thread, index++, process.meta.startTime, unitMs)) all.push(sample);
    }
  }
  return all.sort((a, b) => a.at - b.at);
}
