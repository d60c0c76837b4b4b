/**
 * The hint's styles, inside its shadow root: page styles cannot reach it and these cannot reach
 * the page. Sizes are in px because rem follows the page's root font size. Kept as a string so the
 * content script needs no stylesheet file (and no web-accessible resource).
 */
export const HINT_CSS = `
.hint {
  --bg: #ffffff; --text: #1c1b1a; --muted: #57534e; --border: #d6d3d1; --focus: #2563eb;
  --tone: #b91c1c;
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: flex; align-items: center; gap: 8px;
  max-width: min(640px, calc(100vw - 32px));
  padding: 8px 8px 8px 10px;
  background: var(--bg); color: var(--text);
  border: 1px solid var(--border); border-left: 4px solid var(--tone); border-radius: 10px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: left; letter-spacing: normal;
}
.hint-ready { --tone: #15803d; }
.hint-unknown { --tone: #92400e; }
@media (prefers-color-scheme: dark) {
  .hint { --bg: #22201e; --text: #f2f0ed; --muted: #bcb6ae; --border: #4a4540; --focus: #93b4ff; --tone: #fca5a5; }
  .hint-ready { --tone: #6ee7a0; }
  .hint-unknown { --tone: #fcd34d; }
}
.mark {
  flex: none; display: inline-grid; place-items: center; width: 20px; height: 20px; border-radius: 50%;
  background: var(--tone); color: var(--bg); font-weight: 800; font-size: 12px;
}
.text { margin: 0; flex: 1; min-width: 0; }
button {
  flex: none; font: inherit; font-weight: 600; cursor: pointer; color: var(--text);
  background: transparent; border: 1px solid var(--border); border-radius: 999px; padding: 3px 10px; margin: 0;
}
button.dismiss { border-color: transparent; padding: 0; width: 26px; height: 26px; font-size: 18px; line-height: 1; color: var(--muted); }
button:hover { border-color: var(--muted); }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;
