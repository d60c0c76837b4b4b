/**
 * The rules `npm run check:build` holds the built extension to: size budgets and code hygiene.
 * Pure functions over file names and texts, so tests can prove each rule catches what it should.
 */
import { gzipSync, inflateSync } from 'node:zlib';

/** Budgets in bytes, gzip level 9. Raise one only with the reason in the commit message. */
export const BUDGETS = {
  contentScript: 15_000,
  // Pick mode, injected when the user starts a pick: 6.16 kB at first (its bar, the label rules and
  // the vocabulary the privacy check knows), with the browser's own API rather than the polyfill.
  picker: 8_000,
  // The hint's drawing, injected when a page has a hint to show (issue 21: its bar, styles and
  // placement, 2.0 kB of the content script until then).
  hintDrawing: 3_000,
  // 10 kB at first; the libraries the stack prescribes take 6.8 kB of it before any of our code
  // (webextension-polyfill 3.1 kB, @wxt-dev/storage 3.7 kB) and valibot's validators most of the rest.
  // 12.5 kB until the learned labels (their stored item, three messages and their handlers) took it
  // 0.2 kB past that, after the start-cost work had saved 0.15 kB. 13 kB until one record per
  // organisation (the companies' stored items, hashing their names, merging into each) took it to
  // 13.6 kB. 17.5 kB since round 3: the background's second privacy check of every text a page
  // sends (issue 22: the rules' words, so that "API Keys" is not taken for a name, about 1.8 kB),
  // the handler map and records module (issue 21), injecting pick mode (issue 21), the key check's
  // result (issue 25) and the requests the user sent (issue 26: their stored item, four messages,
  // closing them after each observation, the badge that tells an arrival, 1.06 kB).
  background: 18_000,
  popup: 40_000,
  // The key check page (issue 25): Preact, the polyfill and the messages client it shares with the
  // popup, and its own code; 15.5 kB with the shared chunks when it came.
  keyCheckPage: 18_000,
  // 150 kB until pick mode became a script of its own (issue 21: its own copy of the rules'
  // vocabulary and the hint's styles, and three texts in eleven languages; 151.5 kB), then the key
  // check (issue 25: its page and its texts in eleven languages, about 1.3 kB compressed each).
  // The request follow-up (issue 26: its texts in eleven languages) adds 8.4 kB, the one-screen popup
  // (issue 24) and the help-centre words (issue 23) a few more texts in eleven languages: 194.2 kB.
  chromeZip: 196_000,
} as const;

export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Local files an HTML page loads: its scripts, module preloads and stylesheets. */
export function filesLoadedByHtml(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    if (/^<link/i.test(tag) && !/\brel=["']?(?:stylesheet|modulepreload)\b/i.test(tag)) continue;
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (url && !isRemote(url)) files.push(url);
  }
  return files;
}

/** Local modules a built script imports, statically or dynamically. */
export function modulesImportedBy(script: string): string[] {
  const pattern = /\b(?:from|import)\s*\(?\s*["'`]((?:\.{1,2})?\/[^"'`]+\.m?js)["'`]/g;
  return [...script.matchAll(pattern)].map((match) => match[1] as string);
}

function isRemote(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
}

export interface Finding {
  file: string;
  rule: string;
  excerpt: string;
}

interface HygieneRule {
  rule: string;
  pattern: RegExp;
  /** Which built files the rule applies to. */
  applies: (file: string) => boolean;
}

const SCRIPT = (file: string) => /\.m?js$/.test(file);
const STYLE = (file: string) => file.endsWith('.css');
const PAGE = (file: string) => file.endsWith('.html');

const HYGIENE_RULES: HygieneRule[] = [
  { rule: 'eval', pattern: /\beval\s*\(/g, applies: SCRIPT },
  { rule: 'new Function', pattern: /\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/g, applies: SCRIPT },
  { rule: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g, applies: SCRIPT },
  {
    rule: 'remote script',
    pattern:
      /\b(?:from|import)\s*\(?\s*["'`](?:[a-z]+:)?\/\/|\bimportScripts\s*\(|createElement\s*\(\s*["'`]script/gi,
    applies: SCRIPT,
  },
  {
    rule: 'remote script or style',
    pattern: /<(?:script|link)\b[^>]*\b(?:src|href)=["']?(?:[a-z]+:)?\/\//gi,
    applies: PAGE,
  },
  {
    rule: 'remote style',
    pattern: /@import\s+(?:url\(\s*)?["']?(?:[a-z]+:)?\/\/|url\(\s*["']?(?:[a-z]+:)?\/\//gi,
    applies: STYLE,
  },
  {
    rule: 'HTML sink',
    pattern:
      /\b(?:innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)\b|\bdocument\.write(?:ln)?\s*\(/g,
    applies: (file) => SCRIPT(file) || PAGE(file),
  },
];

/**
 * The HTML sink uses Preact's renderer contains, and why each is safe here. Preact writes
 * `innerHTML` only for the `dangerouslySetInnerHTML` prop, which no source file of ours may use
 * (see `sourceProblems`); it reads it to compare, and clears it with an empty string. Every other
 * occurrence in a bundle is a finding.
 */
export const REVIEWED_LIBRARY_SINKS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /\.innerHTML\s*=\s*[\w$]+\.__html\b/g,
    why: "Preact: writes the dangerouslySetInnerHTML prop's value",
  },
  { pattern: /[\w$]+\.__html\s*==\s*[\w$]+\.innerHTML\b/g, why: 'Preact: compares that value with the DOM' },
  { pattern: /\.innerHTML\s*=\s*(?:``|""|'')/g, why: "Preact: clears an element's children" },
];

/** Hygiene findings in one built file (its path relative to the extension's root). */
export function hygieneFindings(file: string, content: string): Finding[] {
  const reviewed = REVIEWED_LIBRARY_SINKS.reduce((text, { pattern }) => text.replace(pattern, ' '), content);
  const findings: Finding[] = [];
  for (const { rule, pattern, applies } of HYGIENE_RULES) {
    if (!applies(file)) continue;
    const text = rule === 'HTML sink' ? reviewed : content;
    for (const match of text.matchAll(pattern)) {
      findings.push({ file, rule, excerpt: excerpt(text, match.index ?? 0) });
    }
  }
  return findings;
}

/** What our own source files may never contain, whatever the bundler later does with them. */
const SOURCE_RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/g },
  {
    rule: 'HTML sink',
    pattern:
      /\b(?:innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)\b|\bdocument\.write(?:ln)?\s*\(/g,
  },
  { rule: 'eval', pattern: /\beval\s*\(|\bnew\s+Function\s*\(/g },
];

export function sourceFindings(file: string, content: string): Finding[] {
  return SOURCE_RULES.flatMap(({ rule, pattern }) =>
    [...content.matchAll(pattern)].map((match) => ({
      file,
      rule,
      excerpt: excerpt(content, match.index ?? 0),
    })),
  );
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index + 60).replace(/\s+/g, ' ');
}

/**
 * Problems with a manifest's content security policy. None set means the browser's default
 * (`script-src 'self'; object-src 'self'`), which is what we want; a set policy may only keep to it.
 */
export function cspProblems(manifest: { content_security_policy?: unknown }): string[] {
  const csp = manifest.content_security_policy;
  if (csp === undefined) return [];
  const policies =
    typeof csp === 'string' ? { extension_pages: csp } : (csp as Record<string, string | undefined>);
  const problems: string[] = [];
  for (const [name, policy] of Object.entries(policies)) {
    if (name !== 'extension_pages') {
      problems.push(`${name}: only extension_pages may be set`);
      continue;
    }
    for (const directive of (policy ?? '').split(';')) {
      const [key, ...sources] = directive.trim().split(/\s+/);
      if (!key || !['script-src', 'object-src', 'default-src', 'worker-src'].includes(key)) continue;
      for (const source of sources) {
        if (source !== "'self'" && source !== "'none'") problems.push(`${key} allows ${source}`);
      }
    }
  }
  return problems;
}

/** The web-ext lint warning codes that docs/web-ext-lint.md does not explain. */
export function unexplainedLintCodes(codes: string[], explanation: string): string[] {
  return [...new Set(codes)].filter((code) => !explanation.includes(`\`${code}\``));
}

/**
 * How many pixels around a PNG's edge are fully transparent (the smallest of its four sides), or null
 * for a PNG that is not 8-bit RGBA, non-interlaced (what Chromium's screenshots are). The Chrome Web
 * Store asks for 16 px of transparent padding around a 128 px icon's 96 px of art.
 */
export function transparentBorder(png: Uint8Array): number | null {
  const data = Buffer.from(png);
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let offset = 8; offset + 8 <= data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      // bit depth 8, colour type 6 (RGBA), no interlace
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) return null;
    } else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  if (width === 0 || idat.length === 0) return null;
  const alpha = unfilteredRows(inflateSync(Buffer.concat(idat)), width, height).map((row) =>
    Array.from({ length: width }, (_, x) => row[x * 4 + 3] as number),
  );
  const opaqueRows = alpha.flatMap((row, y) => (row.some((a) => a > 0) ? [y] : []));
  const opaqueColumns = Array.from({ length: width }, (_, x) => x).filter((x) =>
    alpha.some((row) => (row[x] as number) > 0),
  );
  if (opaqueRows.length === 0) return Math.ceil(Math.min(width, height) / 2);
  return Math.min(
    opaqueRows[0] as number,
    height - 1 - (opaqueRows.at(-1) as number),
    opaqueColumns[0] as number,
    width - 1 - (opaqueColumns.at(-1) as number),
  );
}

/** PNG scanlines with their filters undone (4 bytes a pixel). */
function unfilteredRows(raw: Buffer, width: number, height: number): Buffer[] {
  const stride = width * 4;
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start];
    const row = Buffer.from(raw.subarray(start + 1, start + 1 + stride));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? (row[i - 4] as number) : 0;
      const up = previous[i] as number;
      const upLeft = i >= 4 ? (previous[i - 4] as number) : 0;
      const predictor =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0;
      row[i] = ((row[i] as number) + predictor) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return rows;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
