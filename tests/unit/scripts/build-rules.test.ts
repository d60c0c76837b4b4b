/** The rules `npm run check:build` applies: each must catch what it names and pass what it allows. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import {
  cspProblems,
  filesLoadedByHtml,
  gzipSize,
  hygieneFindings,
  modulesImportedBy,
  sourceFindings,
  transparentBorder,
  unexplainedLintCodes,
} from '../../../scripts/build-rules';

const rulesIn = (file: string, content: string) =>
  hygieneFindings(file, content).map((finding) => finding.rule);

describe('hygiene of built files', () => {
  test.each([
    ['eval', 'var a=1;eval(b)'],
    ['new Function', 'var f=new Function("return this")'],
    ['new Function', 'var g=Function("return this")()'],
    ['string timer', 'setTimeout("alert(1)",10)'],
    ['remote script', 'import("https://cdn.example.com/x.js")'],
    ['remote script', 'import{a}from"//cdn.example.com/x.js"'],
    ['remote script', 'importScripts("x.js")'],
    ['remote script', 'document.createElement("script")'],
    ['HTML sink', 'e.innerHTML=t.textContent'],
    ['HTML sink', 'e.outerHTML=t'],
    ['HTML sink', 'e.insertAdjacentHTML("beforeend",t)'],
    ['HTML sink', 'document.write(t)'],
    ['HTML sink', 'r.createContextualFragment(t)'],
  ])('flags %s in a script: %s', (rule, code) => {
    expect(rulesIn('chunk.js', code)).toEqual([rule]);
  });

  test('flags remote scripts and styles in a page, and remote imports in a stylesheet', () => {
    expect(
      rulesIn('popup.html', '<script type="module" src="https://cdn.example.com/a.js"></script>'),
    ).toEqual(['remote script or style']);
    expect(rulesIn('popup.html', '<link rel="stylesheet" href="//fonts.example.com/a.css">')).toEqual([
      'remote script or style',
    ]);
    expect(rulesIn('popup.css', '@import url("https://fonts.example.com/a.css");')).toEqual(['remote style']);
    expect(rulesIn('popup.css', 'a{background:url(https://example.com/t.png)}')).toEqual(['remote style']);
  });

  test('passes local code, links in strings, and data URLs', () => {
    expect(
      rulesIn('chunk.js', 'import{a}from"./jsxRuntime.js";var u="https://developers.pleo.io/docs"'),
    ).toEqual([]);
    expect(rulesIn('popup.html', '<script type="module" src="/chunks/popup.js"></script>')).toEqual([]);
    expect(rulesIn('popup.css', 'a{background:url(data:image/png;base64,AAAA)}')).toEqual([]);
    expect(rulesIn('chunk.js', 'var evaluate=1;x.evaluated(2);somethingFunction(3)')).toEqual([]);
  });

  test("allows Preact's own renderer, as shipped, and nothing added next to it", () => {
    const require = createRequire(import.meta.url);
    const preact = readFileSync(require.resolve('preact'), 'utf8');
    expect(preact).toContain('innerHTML');
    expect(rulesIn('chunks/preact.js', preact)).toEqual([]);
    expect(rulesIn('chunks/preact.js', `${preact};n.innerHTML=t.label`)).toEqual(['HTML sink']);
  });
});

describe('our sources', () => {
  test('may not use dangerouslySetInnerHTML, HTML sinks or eval', () => {
    const rules = (code: string) => sourceFindings('components/X.tsx', code).map((finding) => finding.rule);
    expect(rules('<div dangerouslySetInnerHTML={{ __html: text }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(rules('host.innerHTML = label;')).toEqual(['HTML sink']);
    expect(rules('eval(code)')).toEqual(['eval']);
    expect(rules('<p>{label}</p>')).toEqual([]);
  });
});

describe('content security policy', () => {
  test('none set keeps the default', () => {
    expect(cspProblems({})).toEqual([]);
  });

  test('a policy that keeps to self passes; anything looser fails', () => {
    expect(cspProblems({ content_security_policy: "script-src 'self'; object-src 'self'" })).toEqual([]);
    expect(
      cspProblems({ content_security_policy: "script-src 'self' 'unsafe-eval'; object-src 'self'" }),
    ).toEqual(["script-src allows 'unsafe-eval'"]);
    expect(
      cspProblems({
        content_security_policy: { extension_pages: "script-src 'self' https://cdn.example.com" },
      }),
    ).toEqual(['script-src allows https://cdn.example.com']);
    expect(
      cspProblems({ content_security_policy: { sandbox: "sandbox allow-scripts; script-src 'self'" } }),
    ).toEqual(['sandbox: only extension_pages may be set']);
  });
});

describe('what the popup loads', () => {
  test('its scripts, module preloads and stylesheets, not icons or remote files', () => {
    const html = `<head><script type="module" crossorigin src="/chunks/popup-A.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/jsxRuntime-B.js"><link rel="stylesheet" href="/assets/popup-C.css">
<link rel="icon" href="/icon/16.png"><script src="https://cdn.example.com/x.js"></script></head>`;
    expect(filesLoadedByHtml(html)).toEqual([
      '/chunks/popup-A.js',
      '/chunks/jsxRuntime-B.js',
      '/assets/popup-C.css',
    ]);
  });

  test('and the modules those import', () => {
    expect(
      modulesImportedBy('import{n as e}from"./jsxRuntime-B.js";import("./lazy-C.js");var u="x.js"'),
    ).toEqual(['./jsxRuntime-B.js', './lazy-C.js']);
  });
});

test('gzip size shrinks repetitive text and grows with content', () => {
  const text = 'pleo '.repeat(1000);
  expect(gzipSize(text)).toBeLessThan(text.length / 10);
  expect(gzipSize(`${text}${'xyz0123456789'.repeat(50)}`)).toBeGreaterThan(gzipSize(text));
});

test('a lint warning counts as explained only when its code is named in the document', () => {
  const doc = '### `UNSAFE_VAR_ASSIGNMENT` in the Preact chunk';
  expect(unexplainedLintCodes(['UNSAFE_VAR_ASSIGNMENT', 'UNSAFE_VAR_ASSIGNMENT'], doc)).toEqual([]);
  expect(unexplainedLintCodes(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL'], doc)).toEqual(['DANGEROUS_EVAL']);
});

describe('transparent padding of an icon', () => {
  test('the store icon keeps 16 px of transparent padding around its art; the small ones fill their canvas', () => {
    expect(transparentBorder(readFileSync('public/icon/128.png'))).toBe(16);
    expect(transparentBorder(readFileSync('public/icon/48.png'))).toBeLessThan(3);
  });

  test('a PNG it cannot read says so', () => {
    expect(transparentBorder(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]))).toBeNull();
  });
});
