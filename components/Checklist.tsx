import { checkedText } from '../lib/guidance/checked';
import type { ChecklistItem, Condition, ConditionState } from '../lib/guidance/checklist';
import type { MessageKey, Translate } from '../lib/guidance/translate';

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

/** The role the verdict acts on, beside the condition's state: seen on a page, or said by the user. */
function roleNote(item: ChecklistItem, t: Translate): string | null {
  if (item.implied) return t('check.implied');
  if (!item.role || item.role.value === 'unknown') return null;
  const name = t(`role.${item.role.value}`);
  return item.role.source === 'declared' ? t('check.declaredRole', [name]) : t('check.seenRole', [name]);
}

/**
 * The three conditions for an API key, one compact row each: its state at a glance, and a click
 * away what the checker saw.
 */
export function Checklist(props: { items: ChecklistItem[]; now: number; headingId: string; t: Translate }) {
  const { t } = props;
  return (
    <div class="checklist">
      <h3 id={props.headingId} class="visually-hidden">
        {t('check.heading')}
      </h3>
      <ul aria-labelledby={props.headingId}>
        {props.items.map((item) => {
          const note = roleNote(item, t);
          return (
            <li key={item.condition} class={`check check-${item.state}`} data-condition={item.condition}>
              <details class="evidence">
                <summary>
                  <span class="check-mark" aria-hidden="true">
                    {STATE_MARKS[item.state]}
                  </span>
                  <span class="check-name">{t(CONDITION_KEYS[item.condition])}</span>
                  <span class="check-state" data-state={item.state}>
                    {t(STATE_KEYS[item.state])}
                  </span>
                  {note ? <span class="check-note">{note}</span> : null}
                </summary>
                <div class="evidence-body">
                  <p class="evidence-heading">{t('check.evidence')}</p>
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
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
