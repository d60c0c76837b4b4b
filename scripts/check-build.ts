/**
 * `npm run check:build`: checks what `npm run zip` made, as the stores will receive it.
 * - size budgets (gzip) for the content script, background, popup, and the Chrome zip;
 * - hygiene of every built file (no eval, no remote code, no HTML sinks) and of our sources;
 * - manifests: least privilege, default CSP, the Firefox add-on id and data collection, the version,
 *   the oldest Chrome, private windows, the shortcut, the localized toolbar title, no Android claim;
 * - `web-ext lint` on the Firefox build: no errors, every warning explained in docs/web-ext-lint.md;
 * - the four packages: the zips hold exactly the builds, the Edge build is the Chrome build, and the
 *   sources zip rebuilds the Firefox build byte for byte.
 * Prints a table and a summary line; exits non-zero when anything fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { API_MATCH_PATTERNS, MATCH_PATTERNS } from '../lib/environments';
import {
  BUDGETS,
  cspProblems,
  type Finding,
  filesLoadedByHtml,
  gzipSize,
  hygieneFindings,
  modulesImportedBy,
  sourceFindings,
  transparentBorder,
  unexplainedLintCodes,
} from './build-rules';

/** Pick mode's script in the build (lib/picker/inject.ts injects it by this name). */
const PICKER_SCRIPT = 'picker.js';
/** The hint's drawing in the build (lib/hint/inject.ts injects it by this name). */
const HINT_DRAWING_SCRIPT = 'hint-drawing.js';
const TARGETS = ['chrome-mv3', 'edge-mv3', 'firefox-mv2'] as const;
const REQUIRED_PERMISSIONS = ['storage', 'scripting'];
type Target = (typeof TARGETS)[number];

const outDir = resolve(process.env.WXT_OUT_DIR ?? '.output');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = {
  chrome: join(outDir, `${pkg.name}-${pkg.version}-chrome.zip`),
  edge: join(outDir, `${pkg.name}-${pkg.version}-edge.zip`),
  firefox: join(outDir, `${pkg.name}-${pkg.version}-firefox.zip`),
  sources: join(outDir, `${pkg.name}-${pkg.version}-sources.zip`),
};

let passed = 0;
const failures: string[] = [];

function check(name: string, problems: string[]): void {
  if (problems.length === 0) {
    passed++;
    process.stdout.write(`  ok    ${name}\n`);
  } else {
    failures.push(name);
    process.stdout.write(`  FAIL  ${name}\n${problems.map((p) => `          ${p}\n`).join('')}`);
  }
}

function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

function manifestOf(target: Target) {
  return JSON.parse(readFileSync(join(outDir, target, 'manifest.json'), 'utf8'));
}

function zipEntries(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    .split('\n')
    .filter((entry) => entry && !entry.endsWith('/'))
    .sort();
}

/** The files a page or script loads, following imports, relative to the extension's root. */
function closure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => posix.normalize(entry.replace(/^\//, '')));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    for (const imported of modulesImportedBy(readFileSync(join(root, file), 'utf8'))) {
      queue.push(imported.startsWith('/') ? imported.slice(1) : posix.join(posix.dirname(file), imported));
    }
  }
  return [...seen];
}

function gzipTotal(root: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSize(readFileSync(join(root, file))), 0);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

// --- the builds and packages exist, versioned from package.json -------------------------------
section(`Packages in ${relative(process.cwd(), outDir) || '.'} (version ${pkg.version} from package.json)`);
const missing = [...TARGETS.map((t) => join(outDir, t, 'manifest.json')), ...Object.values(zips)].filter(
  (file) => !existsSync(file),
);
check(
  'the three builds and the four zips exist',
  missing.map((file) => `missing ${relative(process.cwd(), file)}`),
);
if (missing.length > 0) {
  process.stdout.write('\nRun "npm run zip" first (it builds both browsers and packages them).\n');
  process.stdout.write(`\ncheck:build: ${passed} passed, ${failures.length} failed\n`);
  process.exit(1);
}
check(
  'manifest version is the package.json version',
  TARGETS.filter((t) => manifestOf(t).version !== pkg.version).map((t) => `${t}: ${manifestOf(t).version}`),
);

// --- size budgets ----------------------------------------------------------------------------------
section('Size budgets (gzip -9)');
const KEY_CHECK_PAGE = 'check-key.html';
const rows: { part: string; files: string[]; bytes: number; budget: number }[] = [];
for (const target of TARGETS) {
  const root = join(outDir, target);
  const manifest = manifestOf(target);
  const contentFiles = closure(
    root,
    (manifest.content_scripts ?? []).flatMap((script: { js?: string[]; css?: string[] }) => [
      ...(script.js ?? []),
      ...(script.css ?? []),
    ]),
  );
  const backgroundEntries: string[] = manifest.background.service_worker
    ? [manifest.background.service_worker]
    : manifest.background.scripts;
  const backgroundFiles = closure(root, backgroundEntries);
  const popupHtml = (manifest.action ?? manifest.browser_action).default_popup as string;
  const popupFiles = [
    popupHtml,
    ...closure(root, filesLoadedByHtml(readFileSync(join(root, popupHtml), 'utf8'))),
  ];
  // Pick mode, injected when the user starts a pick (lib/picker/inject.ts); missing, it counts as over.
  const pickerFiles = existsSync(join(root, PICKER_SCRIPT)) ? closure(root, [PICKER_SCRIPT]) : [];
  // The hint's drawing, injected when a page has a hint to show (lib/hint/inject.ts); missing, it counts as over.
  const hintDrawingFiles = existsSync(join(root, HINT_DRAWING_SCRIPT))
    ? closure(root, [HINT_DRAWING_SCRIPT])
    : [];
  const keyCheckFiles = [
    KEY_CHECK_PAGE,
    ...closure(root, filesLoadedByHtml(readFileSync(join(root, KEY_CHECK_PAGE), 'utf8'))),
  ];
  rows.push(
    { part: `content script (${target})`, files: contentFiles, bytes: 0, budget: BUDGETS.contentScript },
    { part: `pick mode, injected (${target})`, files: pickerFiles, bytes: 0, budget: BUDGETS.picker },
    {
      part: `hint's drawing, injected (${target})`,
      files: hintDrawingFiles,
      bytes: 0,
      budget: BUDGETS.hintDrawing,
    },
    { part: `background (${target})`, files: backgroundFiles, bytes: 0, budget: BUDGETS.background },
    { part: `popup (${target})`, files: popupFiles, bytes: 0, budget: BUDGETS.popup },
    { part: `key check page (${target})`, files: keyCheckFiles, bytes: 0, budget: BUDGETS.keyCheckPage },
  );
  for (const row of rows.slice(-6))
    row.bytes = row.files.length > 0 ? gzipTotal(root, row.files) : Number.POSITIVE_INFINITY;
}
for (const [store, zip] of [
  ['Chrome', zips.chrome],
  ['Edge', zips.edge],
] as const) {
  rows.push({
    part: `${store} zip (whole package)`,
    files: [relative(outDir, zip)],
    bytes: statSync(zip).size,
    budget: BUDGETS.chromeZip,
  });
}
const width = Math.max(...rows.map((row) => row.part.length));
process.stdout.write(
  `  ${'part'.padEnd(width)}  ${'size'.padStart(9)}  ${'budget'.padStart(9)}  used  files\n`,
);
for (const row of rows) {
  const used = `${Math.round((100 * row.bytes) / row.budget)}%`.padStart(4);
  process.stdout.write(
    `  ${row.part.padEnd(width)}  ${kB(row.bytes).padStart(9)}  ${kB(row.budget).padStart(9)}  ${used}  ${row.files.join(', ')}\n`,
  );
}
check(
  'every part within its budget',
  rows
    .filter((row) => row.bytes > row.budget)
    .map((row) => `${row.part}: ${kB(row.bytes)} > ${kB(row.budget)}`),
);

// --- hygiene -------------------------------------------------------------------------------------------
section('Hygiene');
const format = (finding: Finding) => `${finding.file} [${finding.rule}]: …${finding.excerpt}…`;
for (const target of TARGETS) {
  const root = join(outDir, target);
  const findings = filesUnder(root)
    .filter((file) => /\.(?:m?js|html|css)$/.test(file))
    .flatMap((file) => hygieneFindings(`${target}/${file}`, readFileSync(join(root, file), 'utf8')));
  check(`${target}: no eval, no remote code, no unreviewed HTML sinks`, findings.map(format));
}
const sources = ['lib', 'entrypoints', 'components']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => filesUnder(dir).map((file) => `${dir}/${file}`))
  .filter((file) => /\.(?:tsx?|html)$/.test(file));
check(
  `our ${sources.length} source files: no dangerouslySetInnerHTML, HTML sinks or eval`,
  sources.flatMap((file) => sourceFindings(file, readFileSync(file, 'utf8'))).map(format),
);

// --- manifests -----------------------------------------------------------------------------------------
section('Manifests');
for (const target of TARGETS) {
  const problems = cspProblems(manifestOf(target));
  check(`${target}: content security policy no weaker than the default`, problems);
}
const chromeManifest = manifestOf('chrome-mv3');
const edgeManifest = manifestOf('edge-mv3');
const firefoxManifest = manifestOf('firefox-mv2');
// scripting injects pick mode when the user starts it; it adds no install warning, and the two
// origins are the only pages it can reach.
check('permissions: storage, scripting and the two Pleo origins; the External API optional; nothing else', [
  ...mismatch('chrome-mv3 permissions', chromeManifest.permissions, REQUIRED_PERMISSIONS),
  ...mismatch('chrome-mv3 host_permissions', chromeManifest.host_permissions, MATCH_PATTERNS),
  ...mismatch('firefox-mv2 permissions', firefoxManifest.permissions, [
    ...REQUIRED_PERMISSIONS,
    ...MATCH_PATTERNS,
  ]),
  ...mismatch('edge-mv3 permissions', edgeManifest.permissions, REQUIRED_PERMISSIONS),
  ...mismatch('edge-mv3 host_permissions', edgeManifest.host_permissions, MATCH_PATTERNS),
  // The key check's two origins, asked for on the first check only (issue 25).
  ...mismatch(
    'chrome-mv3 optional_host_permissions',
    chromeManifest.optional_host_permissions,
    API_MATCH_PATTERNS,
  ),
  ...mismatch(
    'edge-mv3 optional_host_permissions',
    edgeManifest.optional_host_permissions,
    API_MATCH_PATTERNS,
  ),
  ...mismatch('firefox-mv2 optional_permissions', firefoxManifest.optional_permissions, API_MATCH_PATTERNS),
  ...[chromeManifest, edgeManifest, firefoxManifest].flatMap((manifest) =>
    [
      manifest.manifest_version === 2 ? 'optional_host_permissions' : 'optional_permissions',
      'web_accessible_resources',
      'externally_connectable',
    ]
      .filter((key) => manifest[key] !== undefined)
      .map((key) => `manifest_version ${manifest.manifest_version} declares ${key}`),
  ),
]);
const gecko = firefoxManifest.browser_specific_settings?.gecko ?? {};
check('firefox-mv2: stable add-on id, collects no data, desktop only', [
  ...mismatch('gecko.id', gecko.id, 'pleo-api-access-checker@extension'),
  ...mismatch('gecko.data_collection_permissions', gecko.data_collection_permissions, { required: ['none'] }),
  ...(firefoxManifest.browser_specific_settings?.gecko_android
    ? ['gecko_android claims Firefox for Android, which no test covers']
    : []),
]);
check(
  'every browser: never in private windows, a shortcut opens the popup, the toolbar title is localized',
  TARGETS.flatMap((target) => manifestProblems(target, manifestOf(target))),
);
check('chrome-mv3 and edge-mv3: the oldest Chrome they run on is declared', [
  ...[chromeManifest, edgeManifest]
    .filter((manifest) => !/^\d+$/.test(manifest.minimum_chrome_version ?? ''))
    .map((manifest) => `minimum_chrome_version: ${JSON.stringify(manifest.minimum_chrome_version)}`),
]);
check(
  'icons in 16, 32, 48, 96 and 128 px',
  TARGETS.flatMap((target) => {
    const icons: Record<string, string> = manifestOf(target).icons ?? {};
    return [
      ...mismatch(`${target} icons`, Object.keys(icons), ['16', '32', '48', '96', '128']),
      ...Object.entries(icons).flatMap(([size, file]) =>
        mismatch(`${target}/${file} width × height`, pngSize(join(outDir, target, file)), [+size, +size]),
      ),
    ];
  }),
);

check(
  "the 128 px icon (the stores' icon) has 16 px of transparent padding around its art",
  TARGETS.flatMap((target) => {
    const file = manifestOf(target).icons?.['128'] as string | undefined;
    const border = file ? transparentBorder(readFileSync(join(outDir, target, file))) : null;
    return border === 16 ? [] : [`${target}/${file}: transparent border ${border} px`];
  }),
);

/** What every browser's manifest must say beyond its permissions (docs/browsers.md). */
function manifestProblems(target: Target, manifest: Record<string, unknown>): string[] {
  const mv2 = manifest.manifest_version === 2;
  const action = (mv2 ? manifest.browser_action : manifest.action) as { default_title?: string } | undefined;
  const commands = (manifest.commands ?? {}) as Record<string, { suggested_key?: { default?: string } }>;
  const command = commands[mv2 ? '_execute_browser_action' : '_execute_action'];
  return [
    ...mismatch(`${target} incognito`, manifest.incognito, 'not_allowed'),
    ...mismatch(`${target} toolbar title`, action?.default_title, '__MSG_extName__'),
    ...(command?.suggested_key?.default ? [] : [`${target}: no suggested shortcut opens the popup`]),
  ];
}

/** Width and height from a PNG's header (the IHDR chunk right after the signature). */
function pngSize(file: string): [number, number] | null {
  const header = readFileSync(file).subarray(0, 24);
  return header.toString('latin1', 12, 16) === 'IHDR'
    ? [header.readUInt32BE(16), header.readUInt32BE(20)]
    : null;
}

function mismatch(what: string, actual: unknown, expected: unknown): string[] {
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
}

// --- web-ext lint --------------------------------------------------------------------------------------
section('web-ext lint (Firefox build)');
const lint = JSON.parse(
  execFileSync('npx', ['web-ext', 'lint', '--source-dir', join(outDir, 'firefox-mv2'), '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).replace(/^[^{]*/, ''),
) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string; file?: string }[];
};
process.stdout.write(
  `  errors ${lint.summary.errors}, warnings ${lint.summary.warnings}, notices ${lint.summary.notices}\n`,
);
for (const warning of lint.warnings)
  process.stdout.write(`  warning ${warning.code} (${warning.file ?? ''})\n`);
check(
  'no lint errors',
  lint.errors.map((error) => `${error.code}: ${error.message}`),
);
check(
  'every lint warning explained in docs/web-ext-lint.md',
  unexplainedLintCodes(
    lint.warnings.map((warning) => warning.code),
    existsSync('docs/web-ext-lint.md') ? readFileSync('docs/web-ext-lint.md', 'utf8') : '',
  ).map((code) => `${code} is not explained`),
);

// --- the packages hold what was built ---------------------------------------------------------------
section('Store packages');
check(
  'Chrome zip holds exactly the Chrome build',
  inUnzipped(zips.chrome, (dir) => treeDifferences(dir, 'chrome-mv3')),
);
check('Edge zip holds exactly the Edge build, and the Edge build is the Chrome build', [
  ...inUnzipped(zips.edge, (dir) => treeDifferences(dir, 'edge-mv3')),
  ...treeDifferences(join(outDir, 'edge-mv3'), 'chrome-mv3').map(
    (difference) => `edge-mv3 vs chrome-mv3 ${difference}`,
  ),
]);
check(
  'Firefox zip holds exactly the Firefox build',
  inUnzipped(zips.firefox, (dir) => treeDifferences(dir, 'firefox-mv2')),
);
const sourceEntries = zipEntries(zips.sources);
check('sources zip: the files a reviewer needs, and no outputs or dependencies', [
  ...['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']
    .filter((file) => !sourceEntries.includes(file))
    .map((file) => `missing ${file}`),
  ...sourceEntries
    .filter((entry) =>
      /^(?:node_modules|\.output|demo-output|test-results|bench-output)(?:[-/]|$)|(?:^|\/)\./.test(entry),
    )
    .map((entry) => `should not hold ${entry}`),
]);
check('sources zip rebuilds the Firefox build byte for byte', rebuildFromSources());

/** Every file that is missing, extra or different in `dir` compared with the build of `target`. */
function treeDifferences(dir: string, target: Target): string[] {
  const built = join(outDir, target);
  const expected = filesUnder(built);
  const actual = filesUnder(dir);
  return [
    ...expected.filter((file) => !actual.includes(file)).map((file) => `missing: ${file}`),
    ...actual.filter((file) => !expected.includes(file)).map((file) => `extra: ${file}`),
    ...expected
      .filter((file) => actual.includes(file))
      .filter((file) => !readFileSync(join(dir, file)).equals(readFileSync(join(built, file))))
      .map((file) => `differs: ${file}`),
  ];
}

function inUnzipped(zip: string, inspect: (dir: string) => string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pleo-checker-unzipped-'));
  try {
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    return inspect(dir);
  } catch (error) {
    return [`${relative(process.cwd(), zip)}: ${(error as Error).message.split('\n')[0]}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a reviewer does: unpack the sources, install the locked dependencies, build. */
function rebuildFromSources(): string[] {
  return inUnzipped(zips.sources, (dir) => {
    // The locked dependencies are already installed here; a reviewer runs `npm ci` instead.
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], {
      cwd: dir,
      env: { ...process.env, WXT_OUT_DIR: join(dir, 'rebuilt') },
      stdio: 'ignore',
    });
    return treeDifferences(join(dir, 'rebuilt', 'firefox-mv2'), 'firefox-mv2');
  });
}

process.stdout.write(`\ncheck:build: ${passed} passed, ${failures.length} failed\n`);
if (failures.length > 0) {
  process.stdout.write(`Failed: ${failures.join('; ')}\n`);
  process.exit(1);
}
