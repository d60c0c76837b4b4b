// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportPanel, type ReportPanelProps } from '../../../components/ReportPanel';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import { reportMarkdown } from '../../../lib/report/markdown';
import { englishT, HOSTILE, recordFor, reportInput, TEN_KB } from '../report/fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function show(overrides: Partial<ReportPanelProps> = {}): ReportPanelProps {
  const report = buildReport(reportInput(t));
  const props: ReportPanelProps = {
    t,
    markdown: reportMarkdown(report, t),
    json: reportJson(report),
    companyName: '',
    copyStatus: 'idle',
    onCompanyNameChange: vi.fn(),
    showCompanyNamesChoice: false,
    includeCompanyNames: false,
    onIncludeCompanyNamesChange: vi.fn(),
    onDownloadJson: vi.fn(),
    onDownloadMarkdown: vi.fn(),
    onCopy: vi.fn(),
    ...overrides,
  };
  container = document.createElement('div');
  document.body.append(container);
  render(<ReportPanel {...props} />, container);
  return props;
}

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

describe('ReportPanel', () => {
  it('offers the JSON and Markdown downloads and the copy, each one click', () => {
    const props = show();
    const names = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Download JSON report', 'Download Markdown report', 'Copy report']);
    button('Download JSON report').click();
    button('Download Markdown report').click();
    button('Copy report').click();
    expect(props.onDownloadJson).toHaveBeenCalledOnce();
    expect(props.onDownloadMarkdown).toHaveBeenCalledOnce();
    expect(props.onCopy).toHaveBeenCalledOnce();
  });

  it('previews exactly what is shared, folded until opened', () => {
    const props = show();
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(container.querySelector('[data-report-preview="markdown"]')!.textContent).toBe(props.markdown);
    expect(container.querySelector('[data-report-preview="json"]')!.textContent).toBe(props.json);
  });

  it('passes the typed company name up and shows the copy result', () => {
    const props = show({ copyStatus: 'copied', companyName: 'Example Widgets ApS' });
    const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(input.value).toBe('Example Widgets ApS');
    expect(input.labels?.[0]?.textContent).toContain(t('report.companyName'));
    input.value = 'Other Co';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(props.onCompanyNameChange).toHaveBeenCalledWith('Other Co');
    expect(container.querySelector('[role="status"]')!.textContent).toBe(t('report.copied'));
  });

  it('offers to include company names only when a page showed a company, unticked', () => {
    show();
    expect(container.querySelector('input[type="checkbox"]')).toBeNull();
    render(null, container);
    container.remove();
    const props = show({ showCompanyNamesChoice: true });
    const box = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(false);
    // Labelled by its own text, so it is named and toggles from the label, the mouse or Space.
    expect(box.labels?.[0]?.textContent?.trim()).toBe(t('report.includeCompanyNames'));
    expect(box.tabIndex).not.toBe(-1);
    expect(box.disabled).toBe(false);
    box.click();
    expect(props.onIncludeCompanyNamesChange).toHaveBeenCalledWith(true);
  });

  it('shows the choice as the popup holds it and passes an untick up', () => {
    const props = show({ showCompanyNamesChoice: true, includeCompanyNames: true });
    const box = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    box.labels![0]!.click();
    expect(props.onIncludeCompanyNamesChange).toHaveBeenCalledWith(false);
    // Not folded away with the preview: it changes every download and copy.
    expect(box.closest('details')).toBeNull();
  });

  it('shows hostile page text as text: no element, handler or link comes out of it', () => {
    const evidence = [...HOSTILE, TEN_KB].map((detail) => ({
      check: 'role' as const,
      signal: 'label',
      detail,
    }));
    const report = buildReport(
      reportInput(t, {
        records: { production: recordFor('production', 'ready', evidence) },
        companyName: HOSTILE[0],
      }),
    );
    const markdown = reportMarkdown(report, t);
    const json = reportJson(report);
    expect(json).toContain('<img src=x onerror=alert(1)>');
    show({ markdown, json, companyName: HOSTILE[0]! });
    expect(container.querySelectorAll('img, script, a, b')).toHaveLength(0);
    expect([...container.querySelectorAll('*')].filter((e) => e.hasAttribute('onerror'))).toEqual([]);
    expect(container.querySelector('[data-report-preview="json"]')!.textContent).toBe(json);
    expect(container.querySelector('[data-report-preview="markdown"]')!.textContent).toBe(markdown);
  });
});
