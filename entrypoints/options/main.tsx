import '../../components/theme.css';
import './style.css';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HelpSection, PrivacySection } from '../../components/AboutSections';
import { ForgetEverything } from '../../components/ForgetEverything';
import { HintSetting } from '../../components/HintSetting';
import { LearnedLabels } from '../../components/LearnedLabels';
import { ProfileQuestion } from '../../components/ProfileQuestion';
import { documentLanguage, t } from '../../components/translate';
import { useStored } from '../../components/use-stored';
import { send } from '../../lib/messages/client';
import type { Message, Response } from '../../lib/messages/protocol';
import type { Settings } from '../../lib/state/profile';
import { learnedLabelsItem, profileItem, settingsItem } from '../../lib/storage/reader';
import type { Profile } from '../../lib/types';
import { useOpenPopupShortcut } from '../popup/shortcut';

document.documentElement.lang = documentLanguage();
document.title = t('options.title');

function tell(message: Message): Promise<Response> {
  return send(browser.runtime, message);
}

function Options() {
  const profile = useStored<Profile>(profileItem);
  const settings = useStored<Settings>(settingsItem);
  const learned = useStored(learnedLabelsItem);
  const shortcut = useOpenPopupShortcut();
  const ready = !!profile && !!settings;
  // Opened as options.html#help or #privacy (the popup's footer links): the section is there once painted.
  useEffect(() => {
    if (ready && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [ready]);
  if (!profile || !settings) return null;
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('options.profileHeading')}</h2>
        <ProfileQuestion
          profile={profile}
          idPrefix="options-profile"
          onChange={(kind, stage) => void tell({ type: 'set-profile', kind, stage })}
          t={t}
        />
      </section>
      <section class="card" aria-labelledby="hint-heading">
        <h2 id="hint-heading">{t('options.hintHeading')}</h2>
        <HintSetting
          enabled={settings.hintEnabled}
          onChange={(enabled) => void tell({ type: 'set-hint-enabled', enabled })}
          t={t}
        />
      </section>
      <section class="card" aria-labelledby="learned-heading">
        <h2 id="learned-heading">{t('options.learnedHeading')}</h2>
        <p class="help">{t('options.learnedHelp')}</p>
        {learned ? (
          <LearnedLabels
            labels={learned}
            language={documentLanguage()}
            onForget={async (environment, { kind, label }) =>
              (await tell({ type: 'forget-learned-label', environment, kind, label })).ok
            }
            t={t}
          />
        ) : null}
      </section>
      <section class="card" aria-labelledby="key-check-heading">
        <h2 id="key-check-heading">{t('keyCheck.title')}</h2>
        <p class="help">{t('keyCheck.intro')}</p>
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/check-key.html') })}
          >
            {t('keyCheck.open')}
          </button>
        </p>
      </section>
      <section class="card" aria-labelledby="forget-heading">
        <h2 id="forget-heading">{t('options.forgetHeading')}</h2>
        <p class="help">{t('options.forgetHelp')}</p>
        <ForgetEverything onForget={async () => void (await tell({ type: 'forget-everything' }))} t={t} />
      </section>
      <HelpSection shortcut={shortcut} t={t} />
      <PrivacySection t={t} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
