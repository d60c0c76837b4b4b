import type { Translate } from '../lib/guidance/translate';

/** The in-page hint on or off; the change is saved at once. */
export function HintSetting(props: { enabled: boolean; onChange(enabled: boolean): void; t: Translate }) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        checked={props.enabled}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.t('options.hintLabel')}
    </label>
  );
}
