import { useState } from 'preact/hooks';
import type { Translate } from '../lib/guidance/translate';
import type { Environment, KnownRole } from '../lib/types';
import { KNOWN_ROLES } from '../lib/types';

/** "What is your role?", for when the page did not show it; an empty choice withdraws a declaration. */
export function RoleQuestion(props: {
  environment: Environment;
  declared: KnownRole | null;
  onDeclare(role: KnownRole | null): void;
  t: Translate;
}) {
  const { t } = props;
  const [choice, setChoice] = useState<string>(props.declared ?? '');
  const id = `role-${props.environment}`;
  return (
    <form
      class="role-question"
      onSubmit={(event) => {
        event.preventDefault();
        props.onDeclare(KNOWN_ROLES.find((role) => role === choice) ?? null);
      }}
    >
      <h3 id={`${id}-heading`}>{t('roleQuestion.question')}</h3>
      <p id={`${id}-help`} class="help">
        {t('roleQuestion.help')}
      </p>
      <div class="inline-field">
        <label for={id}>{t('roleQuestion.label', [t(`environment.${props.environment}`)])}</label>
        <select
          id={id}
          aria-describedby={`${id}-help`}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
        >
          <option value="">{t('roleQuestion.choose')}</option>
          {KNOWN_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('roleQuestion.save')}</button>
      </div>
    </form>
  );
}
