/**
 * Reading a V8 CPU profile (CDP Profiler.stop) for what an extension's code cost: which samples
 * ran it, how long, in which functions, and in what tasks. Times are microseconds on the
 * profile's own clock unless a name says ms.
 */
import { summarise } from './stats';

/** The fields of a CDP Profiler.Profile read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

export interface Sample {
  /** When it was taken. */
  at: number;
  /** The time it stands for: until the next sample, as DevTools draws it. */
  us: number;
  /** The function that was running, and where: `file:line:column` (1-based), or `(native)`. */
  leaf: { name: string; at: string };
  /** The running function is the extension's own (a chrome-extension:// script). */
  own: boolean;
  /**
   * The extension's code is on the stack: its own frames and what they call that has no script of
   * its own (DOM methods such as querySelectorAll, the getters of extension APIs, the browser's
   * `extensions::` bindings). The garbage collector is not: V8 files it at the root, under no
   * caller, whoever made the garbage.
   */
  inExtension: boolean;
  /** The frames on the stack satisfy the test given to samplesOf (a marker, say). */
  marked: boolean;
}

const isExtension = (frame: CallFrame) => frame.url.startsWith('chrome-extension://');

function leafOf(frame: CallFrame): Sample['leaf'] {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return { name, at: '(native)' };
  const file = frame.url.split('/').pop() || frame.url;
  return { name, at: `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` };
}

/** The profile's samples in order, each with what it ran. */
export function samplesOf(profile: CpuProfile, mark: (frame: CallFrame) => boolean = () => false): Sample[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** Whether a node or any caller of it passes a test, remembered per node. */
  const onStack = (test: (frame: CallFrame) => boolean) => {
    const known = new Map<number, boolean>();
    const check = (id: number): boolean => {
      let answer = known.get(id);
      if (answer === undefined) {
        const up = parent.get(id);
        answer = test(byId.get(id)!.callFrame) || (up !== undefined && check(up));
        known.set(id, answer);
      }
      return answer;
    };
    return check;
  };
  const inExtension = onStack(isExtension);
  const marked = onStack(mark);

  const ids = profile.samples ?? [];
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) {
    at += delta;
    times.push(at);
  }
  return ids.map((id, i) => {
    const frame = byId.get(id)!.callFrame;
    return {
      at: times[i]!,
      us: (times[i + 1] ?? profile.endTime) - times[i]!,
      leaf: leafOf(frame),
      own: isExtension(frame),
      inExtension: inExtension(id),
      marked: marked(id),
    };
  });
}

/** Milliseconds of the samples in [from, to) that pass a test. */
export function msWithin(samples: Sample[], from: number, to: number, test: (s: Sample) => boolean): number {
  let us = 0;
  for (const sample of samples) if (sample.at >= from && sample.at < to && test(sample)) us += sample.us;
  return us / 1000;
}

/** Milliseconds per running function (its self time) of the extension's samples in [from, to). */
export function msByFunction(samples: Sample[], from: number, to: number): Map<string, number> {
  const ms = new Map<string, number>();
  for (const sample of samples) {
    if (sample.at < from || sample.at >= to || !sample.inExtension) continue;
    const key = `${sample.leaf.name} ${sample.leaf.at}`;
    ms.set(key, (ms.get(key) ?? 0) + sample.us / 1000);
  }
  return ms;
}

/**
 * The longest stretch of the extension's work, in ms. A sampled profile has no task boundaries,
 * so a task is approximated as consecutive samples with the extension's code on the stack,
 * joined across gaps shorter than `gapUs` (a garbage collection or a compile in the middle of
 * its work, a late sample). Two tasks closer than that count as one, which errs long.
 */
export function longestTaskMs(samples: Sample[], gapUs: number): number {
  let longest = 0;
  let start: number | null = null;
  let end = 0;
  for (const sample of samples) {
    if (!sample.inExtension) continue;
    if (start === null || sample.at - end >= gapUs) start = sample.at;
    end = sample.at + sample.us;
    longest = Math.max(longest, end - start);
  }
  return longest / 1000;
}

/** The functions with the most self time, by their median over runs (0 in a run without them). */
export function topFunctions(runs: Map<string, number>[], count = 3) {
  const keys = new Set(runs.flatMap((run) => [...run.keys()]));
  return [...keys]
    .map((key) => ({ key, ms: summarise(runs.map((run) => run.get(key) ?? 0)).median }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ key, ms }) => {
      const at = key.lastIndexOf(' ');
      return { function: key.slice(0, at), at: key.slice(at + 1), ms: Number(ms.toFixed(2)) };
    });
}
