import { checkedText } from '../lib/guidance/checked';
import type { MessageKey, Translate } from '../lib/guidance/translate';
import type { ChecklistItem, Condition, ConditionState } from '../lib/guidance/view';

const CONDITION_KEYS: Record<Condition, MessageKey> = {
  signedIn: 'check.signedIn',
  role: 'check.role',
  enabled: 'check.enabled',
};

const STATE_KEYS: Record<ConditionState, MessageKey> = {
  met: 'check.met',
  'not-met': 'check.notMet',
  'not-seen': 'check.notSeen',
  unclear: 'check.unclear',
};

// Shapes differ as well as colours, so the state reads without colour.
const STATE_MARKS: Record<ConditionState, string> = {
  met: '✓',
  'not-met': '✗',
  'not-seen': '?',
  unclear: '?',
};

function RoleLine(props: { item: ChecklistItem; t: Translate }) {
  const { item, t } = props;
  if (item.implied) return <p class="check-note">{t('check.implied')}</p>;
  if (!item.role || item.role.value === 'unknown') return null;
  const name = t(`role.${item.role.value}`);
  return (
    <p class="check-note">
      {item.role.source === 'declared' ? t('check.declaredRole', [name]) : t('check.seenRole', [name])}
    </p>
  );
}

/** The three conditions for an API key, each with its state and, on demand, what was seen. */
export function Checklist(props: { items: ChecklistItem[]; now: number; headingId: string; t: Translate }) {
  const { t } = props;
  return (
    <div class="checklist">
      <h3 id={props.headingId}>{t('check.heading')}</h3>
      <ul>
        {props.items.map((item) => (
          <li key={item.condition} class={`check check-${item.state}`} data-condition={item.condition}>
            <span class="check-mark" aria-hidden="true">
              {STATE_MARKS[item.state]}
            </span>
            <div class="check-body">
              <p class="check-line">
                <span class="check-name">{t(CONDITION_KEYS[item.condition])}</span>
                <span class="check-state" data-state={item.state}>
                  {t(STATE_KEYS[item.state])}
                </span>
              </p>
              {item.condition === 'role' ? <RoleLine item={item} t={t} /> : null}
              <details class="evidence">
                <summary>{t('check.evidence')}</summary>
                {item.evidence.length === 0 ? (
                  <p>{t('check.noEvidence')}</p>
                ) : (
                  <ul>
                    {item.evidence.map((evidence) => (
                      <li key={`${evidence.signal}:${evidence.detail}`}>
                        <code>{evidence.signal}</code> {evidence.detail}
                      </li>
                    ))}
                  </ul>
                )}
                {item.seenAt === null ? null : (
                  <p class="evidence-time">{checkedText(item.seenAt, props.now, t)}</p>
                )}
              </details>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
