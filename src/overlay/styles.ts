export const OVERLAY_CSS = `
:host { all: initial; }
.tt-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #212b32; }
.tt-mark { position: fixed; background: rgba(218, 41, 28, .18); border-bottom: 2px solid #da291c; border-radius: 2px; pointer-events: none; }
.tt-mark.warn { background: rgba(255, 184, 0, .22); border-bottom-color: #b27a00; }
.tt-panel { position: fixed; pointer-events: auto; width: min(440px, calc(100vw - 24px)); overflow: auto; background: #fff; border: 2px solid #005eb8; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); padding: 14px 16px; box-sizing: border-box; }
.tt-panel:focus { outline: 3px solid #ffeb3b; outline-offset: 2px; }
.tt-title { margin: 0 0 4px; font-size: 16px; font-weight: 700; }
.tt-sub { margin: 0 0 10px; color: #4c6272; }
.tt-card { border-left: 4px solid #da291c; background: #f7f9fa; padding: 8px 10px; margin: 0 0 10px; border-radius: 4px; }
.tt-card.warn { border-left-color: #ffb81c; }
.tt-cat { font-weight: 700; margin: 0 0 2px; }
.tt-msg { margin: 0 0 6px; }
.tt-clause { margin: 0 0 6px; font-size: 13px; }
.tt-clause blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 2px solid #aeb7bd; font-style: italic; }
.tt-why { margin: 0 0 6px; font-size: 13px; color: #4c6272; }
.tt-fix { font-size: 13px; margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.tt-fix dt { font-weight: 700; }
.tt-fix dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
.tt-before { text-decoration: line-through; color: #8a1538; }
.tt-after { color: #007f3b; }
.tt-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px -16px -14px; padding: 10px 16px 14px; position: sticky; bottom: -14px; background: #fff; border-top: 1px solid #d8dde0; }
.tt-actions button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 2px solid #005eb8; background: #fff; color: #005eb8; cursor: pointer; }
.tt-actions button.primary { background: #005eb8; color: #fff; }
.tt-actions button:focus-visible { outline: 3px solid #ffeb3b; outline-offset: 1px; }
.tt-note { font-size: 13px; margin: 8px 0 0; color: #8a1538; }
.tt-hint { position: fixed; pointer-events: auto; max-width: 360px; background: #fff; border: 1px solid #005eb8; border-radius: 8px; padding: 6px 10px; font-size: 13px; box-shadow: 0 3px 10px rgba(0,0,0,.18); display: flex; gap: 8px; align-items: start; }
.tt-hint button { font: inherit; border: 0; background: none; color: #005eb8; cursor: pointer; padding: 0 2px; }
.tt-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #005eb8; }
`;
