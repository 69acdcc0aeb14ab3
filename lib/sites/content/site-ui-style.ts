/** Siar's look on foreign pages (the popup's colours), inside the shadow root only. */
export const SITE_UI_CSS = `
:host { all: initial; display: inline-block; position: relative; z-index: 2147483000;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #16202c;
  --accent: #b3261e; --accent-fg: #fff; --bg: #fff; --soft: #f3f5f8; --line: #d5dbe3; --fg-soft: #4a5668;
  --ok: #1b6b3a; --error: #a0221a; --focus: #1a5fd6; }
:host([data-floating]) { position: fixed; right: 20px; bottom: 20px; }
@media (prefers-color-scheme: dark) {
  :host { color: #e9edf3; --accent: #f2b8b5; --accent-fg: #4a0c08; --bg: #1f2530; --soft: #14181f;
    --line: #3a4352; --fg-soft: #b4bdcb; --ok: #8fd8a8; --error: #ffb4ab; --focus: #9cc2ff; }
}
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border-radius: 999px; }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.launcher { display: inline-flex; align-items: center; gap: 6px; border: 0; padding: 6px 12px 6px 8px;
  background: var(--accent); color: var(--accent-fg); font-weight: 700; box-shadow: 0 1px 3px rgb(0 0 0 / .25); }
.launcher .dot { width: 18px; height: 18px; border-radius: 50%; background: var(--accent-fg); color: var(--accent);
  display: inline-grid; place-items: center; font-size: 12px; line-height: 1; }
.launcher .badge { min-width: 18px; padding: 0 5px; border-radius: 9px; background: var(--accent-fg); color: var(--accent); font-size: 12px; }
.panel[hidden], .ask[hidden], .status[hidden], .warning[hidden] { display: none; }
.bar { display: inline-flex; align-items: center; gap: 8px; flex-wrap: wrap; max-width: min(520px, 90vw); }
:host([data-floating]) .bar { flex-direction: row-reverse; }
.status { margin: 0; font-size: 13px; padding: 4px 10px; border-radius: 8px; background: var(--bg); border: 1px solid var(--line); max-width: 420px; }
.status.ok { color: var(--ok); } .status.error { color: var(--error); }
.warning { margin: 0; font-size: 13px; padding: 4px 10px; border-radius: 8px; background: var(--bg); border: 2px solid var(--error);
  color: var(--error); font-weight: 600; max-width: 420px; }
.ask { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 10px; border-radius: 8px; background: var(--bg); border: 1px solid var(--accent); max-width: 420px; }
.ask p { margin: 0; font-weight: 600; font-size: 13px; flex: 1 1 100%; }
.ask button { border: 1px solid var(--line); background: var(--bg); color: inherit; padding: 6px 12px; }
.ask button.yes { border-color: var(--accent); background: var(--accent); color: var(--accent-fg); }
`;

/** The list's look: added to the shadow root with the list, when the user first opens it. */
export const SITE_PANEL_CSS = `
.panel { position: absolute; left: 0; top: calc(100% + 6px); width: min(360px, 92vw); max-height: 60vh; overflow: auto;
  background: var(--bg); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 8px 28px rgb(0 0 0 / .22); padding: 12px; }
:host([data-floating]) .panel { left: auto; right: 0; top: auto; bottom: calc(100% + 8px); }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 0; }
.close { border: 1px solid var(--line); background: transparent; color: inherit; width: 28px; height: 28px; padding: 0; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
li { display: grid; grid-template-columns: 1fr auto; gap: 8px; align-items: center; padding: 8px; border-radius: 8px; background: var(--soft); }
li.queued { outline: 2px solid var(--accent); }
.title { font-size: 13px; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; }
.tag { display: block; font-size: 11px; color: var(--accent); font-weight: 700; }
.insert { border: 0; background: var(--accent); color: var(--accent-fg); padding: 6px 12px; font-weight: 600; }
.empty { margin: 0; color: var(--fg-soft); font-size: 13px; }
`;
