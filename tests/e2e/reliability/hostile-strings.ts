/**
 * Strings a hostile page (or a hostile user name, company name or role) could show, for the
 * injection tests. Every string that carries markup or a script names `PWNED` somewhere: a payload
 * that ever runs sets that window flag, and an element built from one carries the name in its tag
 * or attributes, so `foreignElements` finds it. Strings are data: nothing here is ever parsed as
 * HTML by the tests, only placed as text (escaped) on simulated pages or stored as evidence.
 */

/** The window flag a payload sets if it runs, in whatever world it runs. */
export const PWNED = '__pleoCheckerPwned';

const run = `window.${PWNED}=1`;
const TEN_KB = 10 * 1024;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export interface HostileString {
  name: string;
  text: string;
}

const strings: [string, string][] = [
  // Elements with handlers, and ways out of attributes, comments and raw-text elements.
  ['img onerror', `<img src=x onerror=${run}>`],
  ['img onerror, mixed case', `<IMG SRC=x OnErRoR=${run}>`],
  ['img onerror, entity-encoded handler', `<img src=x onerror=&#x77;indow.${PWNED}=1>`],
  ['attribute break-out to svg onload', `"><svg onload=${run}>`],
  ['single-quote break-out to svg onload', `'><svg/onload=${run}>`],
  ['script element', `<script>${run}</script>`],
  ['script break-out', `</script><script>${run}</script>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.${PWNED}=1</script>"></iframe>`],
  ['body onload', `<body onload=${run}>`],
  ['details ontoggle', `<details open ontoggle=${run}><summary>pwn</summary></details>`],
  ['video source onerror', `<video><source onerror=${run}></video>`],
  ['audio onerror', `<audio src=x onerror=${run}>`],
  ['object javascript data', `<object data="javascript:${run}"></object>`],
  ['embed javascript src', `<embed src="javascript:${run}">`],
  ['input autofocus onfocus', `<input autofocus onfocus=${run}>`],
  ['anchor javascript href', `<a href="javascript:${run}">pwn</a>`],
  ['button formaction', `<form><button formaction="javascript:${run}">pwn</button></form>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${run}">`],
  ['base href', `<base href="javascript:${run}//">`],
  ['style import', `<style>@import 'https://evil.example/${PWNED}.css';</style>`],
  ['comment break-out', `--><img src=x onerror=${run}>`],
  ['textarea break-out', `</textarea><img src=x onerror=${run}>`],
  ['title break-out', `</title><img src=x onerror=${run}>`],
  ['noscript mutation', `<noscript><p title="</noscript><img src=x onerror=${run}>"></noscript>`],
  ['math mutation', `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`],
  ['svg animate onbegin', `<svg><animate onbegin=${run} attributeName=x dur=1s>`],
  ['marquee onstart', `<marquee onstart=${run}>pwn</marquee>`],
  ['custom element', `<pwn-element data-${PWNED}="1"></pwn-element>`],
  ['style url', `<div style="background:url(javascript:${run})">pwn</div>`],
  ['dialog', '<img src=x onerror=alert(document.domain)>'],
  // javascript: and other dangerous URLs, as a name or label could carry them.
  ['javascript URL', `javascript:${run}`],
  ['javascript URL, mixed case', `JaVaScRiPt:${run}`],
  ['javascript URL with a tab', `java\tscript:${run}`],
  ['javascript URL after a control character', `\u0001javascript:${run}`],
  ['javascript URL with an entity colon', `javascript&colon;${run}`],
  ['data URL with a script', `data:text/html,<script>${run}</script>`],
  ['vbscript URL', `vbscript:msgbox("${PWNED}")`],
  // Bidirectional and invisible characters, look-alike labels.
  ['right-to-left override', '\u202EnimdA'],
  ['right-to-left override around a label', `Admin\u202E\u2066 ${PWNED} \u2069`],
  ['right-to-left marks', '\u200FSettings\u200E'],
  ['Cyrillic look-alike role', '\u0410dmin'],
  ['zero-width space in a label', 'API\u200BKeys'],
  ['byte-order mark before a role', '\uFEFFBookkeeper'],
  ['combining marks', 'Z\u0338\u0322\u031Ba\u0337l\u0335g\u0336o\u0334'],
  ['lone surrogate', `\uD800${PWNED}`],
  // Long strings.
  ['10 kB of text', repeatTo('A', TEN_KB)],
  ['10 kB of img tags', repeatTo(`<img src=x onerror=${run}>`, TEN_KB)],
  ['10 kB of a role label', repeatTo('Admin ', TEN_KB)],
  ['10 kB of Markdown links', repeatTo(`[pwn](javascript:${run}) `, TEN_KB)],
  // Markdown: links, images, autolinks, tables, headings, fences, emphasis.
  ['Markdown javascript link', `[click me](javascript:${run})`],
  ['Markdown image', `![pwn](https://evil.example/${PWNED}.png)`],
  ['Markdown autolink', `<https://evil.example/${PWNED}>`],
  ['Markdown bare link', `www.evil.example/${PWNED}`],
  ['Markdown reference definition', `[pwn]: javascript:${run}`],
  ['Markdown table', `| a | b |\n|---|---|\n| ${PWNED} | x |`],
  ['Markdown table cells', `cell | ${PWNED} | ![x](https://evil.example/x.png)`],
  ['Markdown heading after a newline', `x\n# ${PWNED} heading\n`],
  ['Markdown code fence', `\`\`\`\n${PWNED}\n\`\`\``],
  ['Markdown emphasis and code', `**bold** _em_ ~~strike~~ \`${PWNED}\``],
  ['Markdown escaped link', `\\[x\\](javascript:${run})`],
  ['Markdown math', `$${PWNED}^2$`],
  ['Markdown HTML comment', `<!-- ${PWNED} -->`],
  // Template, JSON, CSV and header injection.
  ['template expression', `{{constructor.constructor('${run}')()}}`],
  ['template literal', `\${${run}}`],
  ['JSON break-out', `"}],"environment":"staging","${PWNED}":{"a":"`],
  ['CSV formula', `=HYPERLINK("https://evil.example/${PWNED}","pwn")`],
  ['prototype key', '__proto__'],
  ['CRLF injection', `\r\nX-${PWNED}: 1\r\n`],
  ['percent-encoded img', `%3Cimg%20src%3Dx%20onerror%3D${PWNED}%3E`],
  ['entity-encoded img', `&lt;img src=x onerror=${run}&gt;`],
];

export const HOSTILE_STRINGS: HostileString[] = strings.map(([name, text]) => ({ name, text }));

/** Escapes a string for an HTML text node or a quoted attribute: how an app shows data as text. */
export function asHtmlText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * Runs in a page, on an element (pass `:root` for the whole page): every element under it, shadow
 * roots included, that was built from a hostile string (its tag or an attribute names PWNED, "pwn"
 * or a javascript: URL) or that carries an inline event handler. An inert page returns none.
 */
export function foreignElements(root: Element, flag: string): string[] {
  const found: string[] = [];
  const marker = new RegExp(`${flag}|pwn|javascript:|vbscript:`, 'i');
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const element of node.querySelectorAll('*')) {
      const suspicious =
        marker.test(element.tagName) ||
        [...element.attributes].some((a) => /^on/i.test(a.name) || marker.test(a.value));
      if (suspicious) found.push(element.outerHTML.slice(0, 120));
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/**
 * Personal labels a page can put where a user points to teach (issue 22): the seven a hands-on
 * attack got stored and exported, each a way around a check that knew only ASCII and capitalised
 * names, then the three refused before it. None may be taught, stored or reported.
 */
export const PERSONAL_LABELS = [
  'Doe, Jane',
  'Ludwig van Beethoven',
  'jane doe',
  'Jane\u200b Doe',
  'jane.doe＠acme.example',
  '４５３２ ０１２３ ４５６７ ８９０１',
  'Doe, Jane · Admin',
  'Jane Doe',
  'jane.doe@acme.example',
  '4532012345678901',
];

/** How each would show in a text once read as it reads (NFKC, invisible characters gone), lower-cased: a report must hold none. */
export const PERSONAL_PIECES = ['doe', 'beethoven', 'jane.doe@acme.example', '4532', '8901'];
