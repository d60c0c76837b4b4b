/** A report as the user downloads it: the JSON file's text and the file's name. */

import type { Report } from './schema';

/** The report as the JSON file holds it. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The file name of a downloaded report: pleo-access-report-YYYYMMDD-HHMMSS.json or .md, local time. */
export function reportFileName(time: Date, extension: 'json' | 'md'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.getFullYear()}${pad(time.getMonth() + 1)}${pad(time.getDate())}`;
  const clock = `${pad(time.getHours())}${pad(time.getMinutes())}${pad(time.getSeconds())}`;
  return `pleo-access-report-${date}-${clock}.${extension}`;
}
