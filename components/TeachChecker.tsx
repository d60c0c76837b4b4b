import type { PrimaryAction } from '../lib/guidance/actions';
import type { Translate } from '../lib/guidance/translate';
import type { Environment, Missing, PickTarget } from '../lib/types';

/** What came of asking a Pleo tab to start pick mode. */
export type PickStatus = 'started' | 'no-tab' | 'unreachable';

export interface TeachCheckerProps {
  environment: Environment;
  missing: Missing[];
  /** The card's filled button: a "Point at …" that is already there is not drawn twice. */
  primary: PrimaryAction;
  status: PickStatus | null;
  onPointAt(target: PickTarget): void;
  onDeclareNoApiKeys(): void;
  onOpenSettings(): void;
  t: Translate;
}

/**
 * When the checker has not seen something, the user can show it on the Pleo page (pick mode), or
 * say the API Keys entry is not in Settings: text buttons beside the card's one action.
 */
export function TeachChecker(props: TeachCheckerProps) {
  const { t, missing, status, primary } = props;
  const entryUnseen = missing.includes('open-settings');
  const roleUnseen = missing.includes('role-not-seen');
  if (!entryUnseen && !roleUnseen) return null;
  const headingId = `${props.environment}-teach`;
  return (
    <section class="teach" aria-labelledby={headingId}>
      <h3 id={headingId} class="visually-hidden">
        {t('teach.heading')}
      </h3>
      <div class="secondary-actions">
        {entryUnseen && primary !== 'point-at-api-keys' ? (
          <button type="button" class="link-button" onClick={() => props.onPointAt('apiKeys')}>
            {t('teach.pointAtApiKeys')}
          </button>
        ) : null}
        {roleUnseen && primary !== 'point-at-role' ? (
          <button type="button" class="link-button" onClick={() => props.onPointAt('role')}>
            {t('teach.pointAtRole')}
          </button>
        ) : null}
        {entryUnseen ? (
          <button type="button" class="link-button" onClick={props.onDeclareNoApiKeys}>
            {t('teach.declareNoApiKeys')}
          </button>
        ) : null}
      </div>
      <p class="teach-status" role="status">
        {status === 'started' ? t('teach.started') : null}
        {status === 'unreachable' ? t('teach.unreachable') : null}
        {status === 'no-tab' ? (
          <>
            {t('teach.noTab', [t(`environment.${props.environment}`)])}{' '}
            <button type="button" class="link-button" onClick={props.onOpenSettings}>
              {t('popup.openSettings')}
            </button>
          </>
        ) : null}
      </p>
    </section>
  );
}
