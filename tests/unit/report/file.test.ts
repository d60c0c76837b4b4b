import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lib/report/build';
import { reportFileName, reportJson } from '../../../lib/report/file';
import { reportInput } from './fixtures';

describe('reportJson', () => {
  it('is the report itself, indented, ending in a line break', () => {
    const report = buildReport(reportInput((key) => key));
    const text = reportJson(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('reportFileName', () => {
  it('names files by local date and time, seconds included', () => {
    const time = new Date(2026, 0, 2, 3, 4, 5);
    expect(reportFileName(time, 'json')).toBe('pleo-access-report-20260102-030405.json');
    expect(reportFileName(new Date(2026, 11, 31, 23, 59, 59), 'md')).toBe(
      'pleo-access-report-20261231-235959.md',
    );
  });
});
