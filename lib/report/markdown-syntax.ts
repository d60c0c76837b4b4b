/**
 * Markdown as the report writes it: page text escaped so it can never form a link, an image, HTML
 * or a new table cell; our own fixed values in code spans; tables.
 */

import { shorten } from './redact';

// What can start markup inside a line: links and images, autolinks ("https:/", "www.x", "a@b"),
// HTML and entities, emphasis, code, strikethrough, table cells, math. Page text never starts a
// line (it is always in a table cell or after a label), so line-start syntax needs no escape.
const MARKDOWN_SYNTAX = /[\\`*_~[\]()<>&!|$@]|:(?=\/)|\.(?=\w)/g;

export function escapeMarkdown(text: string, max = 120): string {
  const escaped = shorten(text, max).replace(MARKDOWN_SYNTAX, (c) => `\\${c}`);
  return escaped || '—';
}

/** Our own fixed values (enums, ISO times) in a code span, which no renderer turns into markup. */
export function code(value: string): string {
  return `\`${value.replace(/[`|\s]/g, '')}\``;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}
