import type { Translate } from '../lib/guidance/translate';
import { TYPED_NAME_MAX } from '../lib/limits';

// Long lines wrap inside the narrow popup. The preview does not scroll on its own: a scrolling box
// would need keyboard focus, and the popup already scrolls.
const PREVIEW_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

export type CopyStatus = 'idle' | 'copied' | 'failed';

export interface ReportPanelProps {
  t: Translate;
  /** Exactly what "Copy report" puts on the clipboard and the Markdown file holds. */
  markdown: string;
  /** Exactly what the JSON file holds. */
  json: string;
  /** Typed for this report only; the popup keeps it in memory and never stores it. */
  companyName: string;
  copyStatus: CopyStatus;
  onCompanyNameChange(name: string): void;
  /** Whether a page showed a company: only then is there a choice to include company names. */
  showCompanyNamesChoice: boolean;
  /** Whether the names of the companies the pages showed go in; unticked unless the user ticks it. */
  includeCompanyNames: boolean;
  onIncludeCompanyNamesChange(include: boolean): void;
  onDownloadJson(): void;
  onDownloadMarkdown(): void;
  onCopy(): void;
}

/**
 * The report's actions and a preview of exactly what will be shared. The report is shown as text
 * (Preact escapes it), never as markup, so page text in it stays inert.
 */
export function ReportPanel(props: ReportPanelProps) {
  const { t } = props;
  return (
    <section class="report-panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <p class="report-help">{t('report.help')}</p>
      {/* Outside the folded preview: it changes what every download and copy holds. */}
      {props.showCompanyNamesChoice && (
        <label class="report-company-names">
          <input
            type="checkbox"
            checked={props.includeCompanyNames}
            onChange={(event) => props.onIncludeCompanyNamesChange(event.currentTarget.checked)}
            aria-describedby="report-company-help"
          />{' '}
          {t('report.includeCompanyNames')}
        </label>
      )}
      <div class="report-actions">
        <button type="button" onClick={props.onDownloadJson}>
          {t('report.downloadJson')}
        </button>
        <button type="button" onClick={props.onDownloadMarkdown}>
          {t('report.downloadMarkdown')}
        </button>
        <button type="button" onClick={props.onCopy}>
          {t('report.copy')}
        </button>
      </div>
      <p class="report-status" role="status">
        {props.copyStatus === 'copied' ? t('report.copied') : ''}
        {props.copyStatus === 'failed' ? t('report.copyFailed') : ''}
      </p>
      <details class="report-preview">
        <summary>{t('report.preview')}</summary>
        <label class="report-company" style={{ display: 'grid', gap: '4px' }}>
          {t('report.companyName')}
          <input
            type="text"
            maxLength={TYPED_NAME_MAX}
            autoComplete="off"
            value={props.companyName}
            onInput={(event) => props.onCompanyNameChange(event.currentTarget.value)}
            aria-describedby="report-company-help"
          />
        </label>
        <p id="report-company-help" class="report-help">
          {t('report.companyNameHelp')}
        </p>
        <h3>{t('report.previewMarkdown')}</h3>
        <pre data-report-preview="markdown" style={PREVIEW_STYLE}>
          {props.markdown}
        </pre>
        <h3>{t('report.previewJson')}</h3>
        <pre data-report-preview="json" style={PREVIEW_STYLE}>
          {props.json}
        </pre>
      </details>
    </section>
  );
}
