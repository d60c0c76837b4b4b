import type { Translate } from '../lib/guidance/translate';

export interface PopupFooterProps {
  version: string;
  rulesVersion: number;
  /** The shortcut that opens the popup, as the browser shows it; null when none is set. */
  shortcut: string | null;
  helpUrl: string;
  privacyUrl: string;
  t: Translate;
}

/** Who made this and which version it is, the shortcut, and where the help and the privacy policy are. */
export function PopupFooter(props: PopupFooterProps) {
  const { t } = props;
  return (
    <footer class="popup-footer">
      <p>
        <span data-footer="shortcut">
          {props.shortcut ? t('footer.shortcut', [props.shortcut]) : t('footer.noShortcut')}
        </span>
      </p>
      {/* The rules' version matters to whoever reads a report, not to the answer: one click away. */}
      <details class="footer-details">
        <summary data-footer="version">{t('footer.version', [props.version])}</summary>
        <p data-footer="rules">{t('footer.rules', [String(props.rulesVersion)])}</p>
      </details>
      <p>
        <a href={props.helpUrl} target="_blank" rel="noreferrer">
          {t('footer.help')}
        </a>
        <a href={props.privacyUrl} target="_blank" rel="noreferrer">
          {t('footer.privacy')}
        </a>
        <span data-footer="not-pleo">{t('footer.notPleo')}</span>
      </p>
    </footer>
  );
}
