/**
 * The page the start section loads: the simulated Settings page with a large table whose cells
 * the page itself keeps changing, about 30,000 elements in all, like a busy view of the real app.
 */
import { DEFAULT_USER, pleoPage } from '../../sim/pages';

const ROWS = 7000;
/**
 * The page changes in bursts with quiet between them, so a debounced scanner (the floor waits for
 * 300 ms of quiet) scans once per burst as the product's does; a page that never paused would
 * leave the floor never rescanning and flatter it.
 */
const CHANGE_EVERY_MS = 500;
const CELLS_PER_CHANGE = 20;

export const CHANGING_PAGE = `the simulated Settings page with a ${ROWS}-row table, ${CELLS_PER_CHANGE} cells changed every ${CHANGE_EVERY_MS} ms`;

/** The simulated Settings page, about 30,000 elements with a table whose cells keep changing. */
export function changingSettingsPage(): string {
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `<tr><td>Row ${i}</td><td class="live">0</td><td>${i % 10 === 0 ? `<a href="#row-${i}">Details</a>` : '-'}</td></tr>`,
  ).join('');
  const changes = `<script>
const cells = document.querySelectorAll('td.live');
let next = 0;
setInterval(() => {
  for (let i = 0; i < ${CELLS_PER_CHANGE}; i++) cells[next++ % cells.length].textContent = String(next);
}, ${CHANGE_EVERY_MS});
</script>`;
  return pleoPage('/settings', DEFAULT_USER).replace(
    '</main>',
    `<table aria-label="Live balances"><tbody>${rows}</tbody></table></main>${changes}`,
  );
}
