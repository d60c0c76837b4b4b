import { ABOUT_SECTIONS } from '../lib/guidance/about';
import type { MessageKey, Translate } from '../lib/guidance/translate';

/** A heading and its paragraphs, each a locale key. */
function Part(props: { heading: MessageKey; texts: (string | null)[]; t: Translate }) {
  return (
    <>
      <h3>{props.t(props.heading)}</h3>
      {props.texts.map((text) => (text ? <p key={text}>{text}</p> : null))}
    </>
  );
}

/**
 * The help, shown inside the extension (the popup's footer links here): what it checks, how,
 * what "may not read Pleo pages" means, the keyboard shortcut, and where to get help.
 */
export function HelpSection(props: { shortcut: string | null | undefined; t: Translate }) {
  const { t } = props;
  return (
    <section id={ABOUT_SECTIONS.help} class="card about" aria-labelledby="help-heading">
      <h2 id="help-heading">{t('help.heading')}</h2>
      <p>{t('help.what')}</p>
      <Part heading="help.howHeading" texts={[t('help.how')]} t={t} />
      <Part heading="help.accessHeading" texts={[t('help.access')]} t={t} />
      <Part
        heading="help.shortcutHeading"
        texts={[
          props.shortcut === undefined
            ? null
            : props.shortcut
              ? t('help.shortcut', [props.shortcut])
              : t('help.shortcutNone'),
          t('help.shortcutChange'),
        ]}
        t={t}
      />
      <Part heading="help.reportHeading" texts={[t('help.report')]} t={t} />
      <p>{t('help.independent')}</p>
    </section>
  );
}

/** The privacy policy in short, shown inside the extension; PRIVACY.md is the full text. */
export function PrivacySection(props: { t: Translate }) {
  const { t } = props;
  return (
    <section id={ABOUT_SECTIONS.privacy} class="card about" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacy.heading')}</h2>
      <p>{t('privacy.summary')}</p>
      <Part heading="privacy.readsHeading" texts={[t('privacy.reads')]} t={t} />
      <Part heading="privacy.keepsHeading" texts={[t('privacy.keeps')]} t={t} />
      <Part heading="privacy.sendsHeading" texts={[t('privacy.sends')]} t={t} />
      <Part heading="privacy.privateHeading" texts={[t('privacy.private')]} t={t} />
      <Part heading="privacy.eraseHeading" texts={[t('privacy.erase')]} t={t} />
      <p>{t('footer.notPleo')}</p>
    </section>
  );
}
