import type { MessageKey, Translate } from '../lib/guidance/translate';
import type { AudienceKind, AudienceStage, Profile } from '../lib/types';

const KINDS: [AudienceKind, MessageKey][] = [
  ['partner', 'profile.partner'],
  ['customer', 'profile.customer'],
  ['unknown', 'profile.notSure'],
];
const STAGES: [AudienceStage, MessageKey][] = [
  ['new', 'profile.new'],
  ['existing', 'profile.existing'],
  ['unknown', 'profile.notSure'],
];

function Choices<T extends string>(props: {
  name: string;
  legend: string;
  options: [T, MessageKey][];
  value: T;
  onChange(value: T): void;
  t: Translate;
}) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {props.options.map(([value, key]) => (
        <label key={value} class="choice">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {props.t(key)}
        </label>
      ))}
    </fieldset>
  );
}

/** "Are you a Pleo Partner or a Customer, new or existing?": only the user knows; each answer is saved at once. */
export function ProfileQuestion(props: {
  profile: Profile;
  idPrefix: string;
  onChange(kind: AudienceKind, stage: AudienceStage): void;
  t: Translate;
}) {
  const { profile, t } = props;
  return (
    <fieldset class="profile-question">
      <legend class="question">{t('profile.question')}</legend>
      <p class="help">{t('profile.help')}</p>
      <div class="choice-groups">
        <Choices
          name={`${props.idPrefix}-kind`}
          legend={t('profile.kind')}
          options={KINDS}
          value={profile.kind}
          onChange={(kind) => props.onChange(kind, profile.stage)}
          t={t}
        />
        <Choices
          name={`${props.idPrefix}-stage`}
          legend={t('profile.stage')}
          options={STAGES}
          value={profile.stage}
          onChange={(stage) => props.onChange(profile.kind, stage)}
          t={t}
        />
      </div>
    </fieldset>
  );
}
