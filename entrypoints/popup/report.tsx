/**
 * The popup's report panel, wired: builds the report from what the popup already shows, and does
 * the downloads and the copy. The company name, and whether the names of the companies the pages
 * showed go in, live in this component's state only.
 */
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type CopyStatus, ReportPanel } from '../../components/ReportPanel';
import { t } from '../../components/translate';
import { useStored } from '../../components/use-stored';
import { RULES_VERSION } from '../../lib/detect/rules';
import type { SiteAccess } from '../../lib/guidance/site-access';
import { browserFromUserAgent, buildReport } from '../../lib/report/build';
import { reportFileName, reportJson } from '../../lib/report/file';
import { reportMarkdown } from '../../lib/report/markdown';
import type { ObservationRecord } from '../../lib/state/merge';
import type { OrganisationRecord } from '../../lib/state/organisations';
import type { SentRequest } from '../../lib/state/requests';
import { keyChecksItem, learnedLabelsItem, resetsItem } from '../../lib/storage/reader';
import type { Environment, Profile, StorageReset, WriteFailure } from '../../lib/types';

const NO_RESETS: readonly StorageReset[] = [];

export interface PopupReportProps {
  /** Each environment's own record: pages that showed no company. */
  records: Record<Environment, ObservationRecord | undefined>;
  /** The companies each environment's pages showed; their names go in only if the user ticks the box. */
  organisations: Record<Environment, readonly OrganisationRecord[]>;
  profile: Profile;
  /** Carried in the report, so whoever reads it knows the latest result was not saved. */
  writeFailure: WriteFailure | null;
  /** Carried in the report: whether the browser lets the checker read each environment. */
  siteAccess: Record<Environment, SiteAccess>;
  /** The requests the user said they sent: each record's goes in, with both its dates. */
  requests: readonly SentRequest[];
}

export function PopupReport({
  records,
  organisations,
  profile,
  writeFailure,
  siteAccess,
  requests,
}: PopupReportProps) {
  const resets = useStored(resetsItem) ?? NO_RESETS;
  // What the user taught goes into the report, so the maintainers can add it to the rules.
  const learnedLabels = useStored(learnedLabelsItem);
  const [companyName, setCompanyName] = useState('');
  const [includeCompanyNames, setIncludeCompanyNames] = useState(false);
  const keyChecks = useStored(keyChecksItem);
  // A key check's company id is held back like the companies' names, behind the same choice.
  const companySeen =
    organisations.production.length > 0 ||
    organisations.staging.length > 0 ||
    !!keyChecks?.production?.companyId ||
    !!keyChecks?.staging?.companyId;
  const [copyStatus, setCopyStatus] = useState<CopyStatus>('idle');
  // Built once per change of what it shows, so the preview and the files are the same text.
  const shared = useMemo(() => {
    const report = buildReport({
      records,
      organisations,
      includeOrganisationNames: includeCompanyNames,
      profile,
      resets,
      writeFailure,
      now: Date.now(),
      extension: {
        name: t('extName'),
        version: browser.runtime.getManifest().version,
        rulesVersion: RULES_VERSION,
      },
      browser: browserFromUserAgent(navigator.userAgent),
      uiLanguage: browser.i18n.getUILanguage(),
      t,
      companyName,
      siteAccess,
      learnedLabels,
      requests,
      keyChecks,
    });
    return {
      time: new Date(report.generatedAt),
      json: reportJson(report),
      markdown: reportMarkdown(report, t),
    };
  }, [
    records,
    organisations,
    includeCompanyNames,
    profile,
    resets,
    writeFailure,
    companyName,
    siteAccess,
    learnedLabels,
    requests,
    keyChecks,
  ]);

  return (
    <ReportPanel
      t={t}
      markdown={shared.markdown}
      json={shared.json}
      companyName={companyName}
      copyStatus={copyStatus}
      onCompanyNameChange={setCompanyName}
      showCompanyNamesChoice={companySeen}
      includeCompanyNames={includeCompanyNames}
      onIncludeCompanyNamesChange={setIncludeCompanyNames}
      onDownloadJson={() => download(shared.json, 'application/json', reportFileName(shared.time, 'json'))}
      onDownloadMarkdown={() => download(shared.markdown, 'text/markdown', reportFileName(shared.time, 'md'))}
      onCopy={() =>
        navigator.clipboard.writeText(shared.markdown).then(
          () => setCopyStatus('copied'),
          () => setCopyStatus('failed'),
        )
      }
    />
  );
}

function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // The click has started the download; the URL is needed no longer.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
