import {
  arrivalText,
  askedText,
  type FollowUpView,
  renderFollowUp,
  worsenedText,
} from '../lib/guidance/follow-up';
import type { AccessRequest } from '../lib/guidance/request';
import type { Translate } from '../lib/guidance/translate';

/**
 * Under a request: "I sent it" until the user says so; then one line, "Asked 3 days ago (your
 * Customer Success Manager)", with an undo; from a week on, the follow-up to copy.
 */
export function RequestFollowUp(props: {
  followUp: FollowUpView;
  request: AccessRequest;
  /** The company, when the user chose to include it in the request. */
  company: string | null;
  headingId: string;
  now: number;
  onSent(): void;
  onUndo(): void;
  onCopy(text: string): void;
  t: Translate;
}) {
  const { followUp, t } = props;
  const { open } = followUp;
  if (!open) {
    return (
      <div class="follow-up" data-follow-up="not-sent">
        <button type="button" class="secondary" onClick={props.onSent}>
          {t('followUp.sent')}
        </button>
        <p class="follow-up-help">{t('followUp.sentHelp')}</p>
      </div>
    );
  }
  const text = followUp.due ? renderFollowUp(props.request, open, t, props.company) : null;
  return (
    <div class="follow-up" data-follow-up={followUp.due ? 'due' : 'waiting'}>
      <p class="asked">
        <span>{askedText(open, props.now, t)}</span>{' '}
        <button type="button" class="secondary small" onClick={props.onUndo}>
          {t('followUp.undo')}
        </button>
      </p>
      {text ? (
        <section class="follow-up-text" aria-labelledby={props.headingId}>
          <h4 id={props.headingId}>{t('followUp.heading')}</h4>
          <p class="follow-up-help">{t('followUp.help')}</p>
          <pre class="follow-up-body">{text.body}</pre>
          <button type="button" onClick={() => props.onCopy(`${text.subject}\n\n${text.body}`)}>
            {t('followUp.copy')}
          </button>
        </section>
      ) : null}
    </div>
  );
}

/**
 * News for the card: what the user asked for arrived ("API Keys is now enabled for Acme — you
 * asked on 1 Dec"), or a ready verdict got worse, with the date of the change.
 */
export function RequestNews(props: { followUp: FollowUpView; about: string; now: number; t: Translate }) {
  const { followUp, t } = props;
  if (followUp.arrived.length === 0 && !followUp.worsened) return null;
  return (
    <div class="request-news">
      {followUp.arrived.map((request) => (
        <p key={`${request.kind}-${request.sentAt}`} class="arrival" data-arrival={request.kind}>
          {arrivalText(request, props.about, props.now, t)}
        </p>
      ))}
      {followUp.worsened ? <p class="worsened">{worsenedText(followUp.worsened, props.now, t)}</p> : null}
    </div>
  );
}
