// @vitest-environment happy-dom
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { code, escapeMarkdown, table } from '../../../lib/report/markdown-syntax';
import { shorten } from '../../../lib/report/redact';
import { HOSTILE, TEN_KB } from './fixtures';

// GitHub-flavoured Markdown, as chat tools and issue trackers render it: tables, bare-URL autolinks, raw HTML.
const gfm = new Marked({ gfm: true });

describe('escapeMarkdown', () => {
  const cases = [...HOSTILE.map((text) => [JSON.stringify(text), text]), ['a 10 kB string', TEN_KB]];
  it.each(cases)('%s renders back as the same plain text, no markup', (_, text) => {
    const html = gfm.parseInline(escapeMarkdown(text)) as string;
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    expect(body.children).toHaveLength(0);
    expect(body.textContent).toBe(shorten(text, 120));
  });

  it('keeps text to one short line', () => {
    expect(escapeMarkdown(TEN_KB).length).toBeLessThan(300);
    expect(escapeMarkdown('a\nb\r\nc\td')).toBe('a b c d');
    expect(escapeMarkdown('')).toBe('—');
  });
});

describe('code and table', () => {
  it('a code span holds no backtick, cell break or white space, so it cannot end early', () => {
    expect(code('not-enabled')).toBe('`not-enabled`');
    expect(code('a` |b\nc')).toBe('`abc`');
  });

  it('a table is its header, the separator and one line a row', () => {
    expect(table(['a', 'b'], [['1', '2']])).toEqual(['| a | b |', '| --- | --- |', '| 1 | 2 |']);
  });
});
