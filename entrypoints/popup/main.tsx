import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { EnvironmentCard } from '../../components/EnvironmentCard';
import type { EnvironmentRecord } from '../../lib/merge';
import { environmentItems, profileItem } from '../../lib/storage';
import type { Environment, Profile } from '../../lib/types';
import { DEFAULT_PROFILE, ENVIRONMENTS } from '../../lib/types';
import { verdict } from '../../lib/verdict';

function useStored<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }, initial: T) {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

function Popup() {
  const profile = useStored<Profile>(profileItem, DEFAULT_PROFILE);
  const records = {
    production: useStored<EnvironmentRecord | undefined>(environmentItems.production, undefined),
    staging: useStored<EnvironmentRecord | undefined>(environmentItems.staging, undefined),
  } satisfies Record<Environment, EnvironmentRecord | undefined>;
  return (
    <main>
      <h1>Pleo API access</h1>
      {ENVIRONMENTS.map((environment) => (
        <EnvironmentCard
          key={environment}
          environment={environment}
          verdict={verdict(records[environment], profile)}
        />
      ))}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
