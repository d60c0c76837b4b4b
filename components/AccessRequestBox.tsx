import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type AccessRequest, renderAccessRequest } from '../lib/guidance/request';
import type { MessageKey, Translate } from '../lib/guidance/translate';
import type { AudienceKind } from '../lib/types';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Who a request for access goes to, as the user chooses it; the choice is their Partner/Customer answer. */
const RECIPIENT_CHOICES: [AudienceKind, MessageKey][] = [
  ['partner', 'popup.toPartnerContact'],
  ['customer', 'popup.toCustomerSuccess'],
];

/**
 * The ready-to-send request in place: who it goes to (chosen here when only the user knows: a
 * Partner asks their partner contact, a Customer their Customer Success Manager), the copy button
 * as the card's one primary action, and the message itself one click away. It names the company
 * the page showed only when the user ticks "Include the company name" (unticked each time it opens).
 * `followUp` goes under the copy button: lines about the request's life (sent, follow up).
 */
export function AccessRequestBox(props: {
  request: AccessRequest;
  headingId: string;
  /** The company the request is about, when the page showed one. */
  company: string | null;
  /** The user's Partner/Customer answer: it picks the recipient of a request to Pleo. */
  audience: AudienceKind;
  onAudience(kind: AudienceKind): void;
  copyState: CopyState;
  onCopy(text: string): void;
  /** What follows the request ("I sent it", the follow-up), given the company as the request names it. */
  followUp?: (company: string | null) => ComponentChildren;
  t: Translate;
}) {
  const { t, request } = props;
  const [includeCompany, setIncludeCompany] = useState(false);
  const company = includeCompany ? props.company : null;
  const rendered = renderAccessRequest(request, t, company);
  const choosable = request.reason === 'not-enabled';
  return (
    <section class="request" aria-labelledby={props.headingId}>
      <h3 id={props.headingId} class="visually-hidden">
        {t('popup.request')}
      </h3>
      {choosable ? (
        <fieldset class="recipient-choice">
          <legend>{t('popup.sendTo')}</legend>
          {RECIPIENT_CHOICES.map(([kind, key]) => (
            <label key={kind} class="choice">
              <input
                type="radio"
                name={`${props.headingId}-recipient`}
                value={kind}
                checked={props.audience === kind}
                onChange={() => props.onAudience(kind)}
              />
              {t(key)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {choosable && props.audience === 'unknown' ? null : (
        <p class="request-to">
          <span class="request-label">{t('popup.to')}</span>{' '}
          {request.contactUrl ? (
            <a href={request.contactUrl} target="_blank" rel="noreferrer">
              {rendered.to}
            </a>
          ) : (
            rendered.to
          )}
        </p>
      )}
      <div class="request-actions">
        <button
          type="button"
          class="primary"
          data-primary-action="copy-request"
          onClick={() => props.onCopy(`${rendered.subject}\n\n${rendered.body}`)}
        >
          {t('popup.copy')}
        </button>
        <p class="status" role="status">
          {props.copyState === 'copied' ? t('popup.copied') : ''}
          {props.copyState === 'failed' ? t('popup.copyFailed') : ''}
        </p>
      </div>
      {props.followUp?.(company)}
      <details class="request-preview">
        <summary>{t('popup.previewMessage')}</summary>
        <p class="request-help">{t('popup.requestHelp')}</p>
        <p class="request-subject">
          <span class="request-label">{t('popup.subject')}</span> {rendered.subject}
        </p>
        {props.company ? (
          <label class="request-company">
            <input
              type="checkbox"
              checked={includeCompany}
              onChange={(event) => setIncludeCompany(event.currentTarget.checked)}
            />{' '}
            {t('popup.includeCompanyName')}
          </label>
        ) : null}
        <pre class="request-body">{rendered.body}</pre>
      </details>
    </section>
  );
}
