import '../../components/theme.css';
import './style.css';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CopyState } from '../../components/AccessRequestBox';
import { EnvironmentCard } from '../../components/EnvironmentCard';
import { EnvironmentSwitch } from '../../components/EnvironmentSwitch';
import { PopupFooter } from '../../components/PopupFooter';
import { ProfileQuestion } from '../../components/ProfileQuestion';
import { SiteAccessWithheld } from '../../components/SiteAccessWithheld';
import type { PickStatus } from '../../components/TeachChecker';
import { documentLanguage, t } from '../../components/translate';
import { useStoredAll } from '../../components/use-stored';
import { WriteFailureAlert } from '../../components/WriteFailureAlert';
import { RULES_VERSION } from '../../lib/detect/rules';
import { ABOUT_SECTIONS } from '../../lib/guidance/about';
import { type CurrentTab, currentTab, popupLayout, popupParams } from '../../lib/guidance/popup';
import { environmentView } from '../../lib/guidance/view';
import { send } from '../../lib/messages/client';
import type { Message } from '../../lib/messages/protocol';
import { requestSentMessage } from '../../lib/messages/requests';
import { allRequests, hasUnseenArrival } from '../../lib/state/requests';
import {
  environmentItems,
  organisationItems,
  profileItem,
  readAll,
  requestsItem,
  writeFailureItem,
} from '../../lib/storage/reader';
import { ENVIRONMENTS, type Environment } from '../../lib/types';
import { PopupReport } from './report';
import { useOpenPopupShortcut } from './shortcut';
import { requestSiteAccess, useSiteAccess } from './site-access';
import {
  checkAgain,
  openApiKeys,
  openKeyCheck,
  openSettings,
  openSignIn,
  reloadEnvironmentTab,
  startPick,
} from './tabs';

const params = popupParams(location.search);
/** News of a request that arrived shows in the popup that first shows it, for as long as it is open. */
const openedAt = Date.now();
document.documentElement.lang = documentLanguage();
document.title = t('popup.title');
if (params.tabView) document.body.classList.add('tab-view');

/**
 * The environment of the active tab; null when it is not a Pleo tab (the URL is visible only for
 * Pleo tabs), or when the popup is itself the active tab.
 */
function useCurrentTab(): CurrentTab | undefined {
  const [current, setCurrent] = useState<CurrentTab>();
  useEffect(() => {
    const none = currentTab(undefined);
    if (params.tabView) return setCurrent(none);
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => setCurrent(currentTab(tab?.url)),
      () => setCurrent(none),
    );
  }, []);
  return current;
}

/** Minutes pass while the popup is open: "checked N minutes ago" follows. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function tell(message: Message): void {
  void send(browser.runtime, message);
}

/** What the popup shows first, read from storage in one go. */
const SHOWN = {
  profile: profileItem,
  production: environmentItems.production,
  staging: environmentItems.staging,
  productionOrganisations: organisationItems.production,
  stagingOrganisations: organisationItems.staging,
  writeFailure: writeFailureItem,
  requests: requestsItem,
};
const readShown = () => readAll(SHOWN);

function Popup() {
  const stored = useStoredAll(readShown, SHOWN);
  const tab = useCurrentTab();
  // The time of this render: a change stored a moment ago is never "in the future" of a minute-old clock.
  const now = Math.max(useNow(), Date.now());
  const siteAccess = useSiteAccess();
  const shortcut = useOpenPopupShortcut();
  const [chosen, setChosen] = useState<Environment | null>(null);
  const [grantRefused, setGrantRefused] = useState<Environment | 'both' | null>(null);
  const [copied, setCopied] = useState<{ environment: Environment; state: CopyState } | null>(null);
  const [picking, setPicking] = useState<{ environment: Environment; status: PickStatus } | null>(null);
  const audience = useRef<HTMLDetailsElement>(null);
  const storedRequests = stored?.requests;
  const requests = useMemo(() => (storedRequests ? allRequests(storedRequests) : []), [storedRequests]);
  const unseenArrival = hasUnseenArrival(requests);
  // Seen here: the toolbar badge stops announcing it, and the next popup no longer tells it.
  useEffect(() => {
    if (unseenArrival) tell({ type: 'arrivals-seen' });
  }, [unseenArrival]);

  // Nothing is painted until everything is read, so a verdict never flickers from "not checked".
  if (!stored || tab === undefined || !siteAccess || shortcut === undefined) return null;
  const { profile, production, staging, productionOrganisations, stagingOrganisations, writeFailure } =
    stored;
  const records = { production, staging };
  const organisations = { production: productionOrganisations, staging: stagingOrganisations };
  const views = ENVIRONMENTS.map((environment) =>
    environmentView(
      environment,
      records[environment],
      profile,
      tab.environment,
      siteAccess[environment],
      organisations[environment],
      tab.path,
      { requests, now, openedAt },
    ),
  );
  const { shown, bothWithheld, askAudience } = popupLayout(views, siteAccess, chosen, params, tab);
  const grant = (refusedAs: Environment | 'both', environments: readonly Environment[]) =>
    void requestSiteAccess().then((granted) => {
      setGrantRefused(granted ? null : refusedAs);
      // Content scripts run on pages loaded after the grant: read the open ones again.
      if (granted) for (const environment of environments) void reloadEnvironmentTab(environment);
    });

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popup.title')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </header>
      <WriteFailureAlert failure={writeFailure} t={t} />
      {bothWithheld ? (
        <section class="card banner" aria-labelledby="withheld-banner">
          <h2 id="withheld-banner" class="visually-hidden">
            {t('access.withheld')}
          </h2>
          <SiteAccessWithheld
            environments={ENVIRONMENTS}
            verdict={null}
            refused={grantRefused === 'both'}
            onGrant={() => grant('both', ENVIRONMENTS)}
            t={t}
          />
        </section>
      ) : null}
      <EnvironmentSwitch views={views} shown={shown} onShow={setChosen} t={t} />
      {views.map((view) => (
        <EnvironmentCard
          key={view.environment}
          view={view}
          now={now}
          shown={view.environment === shown}
          withheldAbove={bothWithheld}
          copyState={copied?.environment === view.environment ? copied.state : 'idle'}
          onCopyRequest={(text) =>
            navigator.clipboard.writeText(text).then(
              () => setCopied({ environment: view.environment, state: 'copied' }),
              () => setCopied({ environment: view.environment, state: 'failed' }),
            )
          }
          audience={profile.kind}
          onAudience={(kind) => tell({ type: 'set-profile', kind, stage: profile.stage })}
          onAskAudience={() => {
            if (!audience.current) return;
            audience.current.open = true;
            audience.current.scrollIntoView();
            audience.current.querySelector('summary')?.focus();
          }}
          onDeclareRole={(role) => tell({ type: 'declare-role', environment: view.environment, role })}
          onCheckAgain={() => void checkAgain(view.environment)}
          onOpenSettings={() => void openSettings(view.environment)}
          onOpenApiKeys={() => void openApiKeys(view.environment)}
          onCheckKey={() => void openKeyCheck(view.environment)}
          onSignIn={() => void openSignIn(view.environment)}
          grantRefused={grantRefused === view.environment}
          onGrantAccess={() => grant(view.environment, [view.environment])}
          pickStatus={picking?.environment === view.environment ? picking.status : null}
          onPointAt={(target) =>
            void startPick(view.environment, target).then((status) => {
              setPicking({ environment: view.environment, status });
              // The pick happens on the page: a popup would stay in front of it.
              if (status === 'started' && !params.tabView) window.close();
            })
          }
          onDeclareNoApiKeys={() => tell({ type: 'declare-no-api-keys', environment: view.environment })}
          onRequestSent={(sent) => {
            const { where, kind } = view.followUp;
            const message = requestSentMessage(sent, where, kind, view.request?.recipient);
            if (message) tell(message);
          }}
          t={t}
        />
      ))}
      {askAudience ? (
        <details id="audience" class="card profile-card" ref={audience}>
          <summary>{t('profile.question')}</summary>
          <ProfileQuestion
            profile={profile}
            idPrefix="popup-profile"
            onChange={(kind, stage) => tell({ type: 'set-profile', kind, stage })}
            t={t}
          />
        </details>
      ) : null}
      <PopupReport
        records={records}
        organisations={organisations}
        profile={profile}
        writeFailure={writeFailure}
        siteAccess={siteAccess}
        requests={requests}
      />
      <PopupFooter
        version={browser.runtime.getManifest().version}
        rulesVersion={RULES_VERSION}
        shortcut={shortcut}
        helpUrl={`${browser.runtime.getURL('/options.html')}#${ABOUT_SECTIONS.help}`}
        privacyUrl={`${browser.runtime.getURL('/options.html')}#${ABOUT_SECTIONS.privacy}`}
        t={t}
      />
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
