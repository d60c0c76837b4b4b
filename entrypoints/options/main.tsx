import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Pleo API Access Checker</h1>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
