import type { Environment, Verdict } from '../lib/types';

const NAMES: Record<Environment, string> = { production: 'Production', staging: 'Staging' };

export function EnvironmentCard(props: { environment: Environment; verdict: Verdict }) {
  return (
    <section aria-labelledby={`env-${props.environment}`} data-environment={props.environment}>
      <h2 id={`env-${props.environment}`}>{NAMES[props.environment]}</h2>
      <p data-verdict={props.verdict.kind}>{props.verdict.kind}</p>
    </section>
  );
}
