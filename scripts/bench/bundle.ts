/** Detection (./detect-entry.ts) built for the browser as one script, so a benchmark page can run it directly. */
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';

export const DETECT_GLOBAL = 'PleoDetect';

export async function detectBundle(minify = true): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify,
      lib: {
        entry: resolve('scripts/bench/detect-entry.ts'),
        formats: ['iife'],
        name: DETECT_GLOBAL,
        fileName: 'detect',
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  return chunk.code;
}
