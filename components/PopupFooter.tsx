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
        <span data-footer="version">{t('footer.version', [props.version, String(props.rulesVersion)])}</span>
        <span data-footer="shortcut">
          {props.shortcut ? t('footer.shortcut', [props.shortcut]) : t('footer.noShortcut')}
        </span>
      </p>
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
