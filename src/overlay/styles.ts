// Colours are NHS identity colours checked for at least 4.5:1 against their backgrounds
// (text #212b32 and #4c6272 on #fff/#f0f4f5; white on #005eb8, #a00f0f; #212b32 on #ffb81c).
// Severity is shown by an icon and a word as well as colour. Sizes are in px, which browser
// zoom scales; the card wraps and scrolls rather than overflowing at 200%.
export const OVERLAY_CSS = `
:host { all: initial; }
.tt-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #212b32; }
.tt-mark { position: fixed; background: rgba(218, 41, 28, .18); border-bottom: 2px solid #a00f0f; border-radius: 2px; pointer-events: none; }
.tt-mark.warn { background: rgba(255, 184, 0, .25); border-bottom: 2px dashed #7a5200; }
.tt-panel { position: fixed; pointer-events: auto; width: min(460px, calc(100vw - 24px)); overflow: auto; overscroll-behavior: contain; background: #fff; border: 2px solid #005eb8; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); padding: 14px 16px; box-sizing: border-box; overflow-wrap: anywhere; }
.tt-panel:focus { outline: 3px solid #212b32; outline-offset: 2px; box-shadow: 0 0 0 6px #ffeb3b, 0 8px 28px rgba(0,0,0,.28); }
@media (prefers-reduced-motion: no-preference) {
  .tt-panel { animation: tt-in .16s ease-out; }
  @keyframes tt-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
}
.tt-head { display: flex; align-items: start; gap: 8px; justify-content: space-between; }
.tt-title { margin: 0 0 4px; font-size: 17px; font-weight: 700; line-height: 1.3; }
.tt-close { flex: none; font: inherit; width: 32px; height: 32px; display: inline-flex; align-items: center; justify-content: center; border: 2px solid transparent; border-radius: 6px; background: none; color: #212b32; cursor: pointer; margin: -4px -6px 0 0; }
.tt-close:hover { border-color: #4c6272; }
.tt-sub { margin: 0 0 8px; color: #4c6272; }
.tt-audience { margin: 0 0 10px; padding: 6px 10px; background: #eef7ff; border: 1px solid #005eb8; border-radius: 6px; }
.tt-concerns { margin: 0 0 10px; padding: 8px 10px; border: 2px solid #007f3b; border-radius: 6px; background: #f2f9f5; }
.tt-concerns h3 { margin: 0 0 4px; font-size: 15px; }
.tt-concerns p { margin: 0 0 4px; }
.tt-concerns ul { margin: 0; padding-left: 20px; }
.tt-card { border-left: 4px solid #a00f0f; background: #f0f4f5; padding: 8px 10px; margin: 0 0 10px; border-radius: 4px; }
.tt-card.warn { border-left: 4px dashed #7a5200; }
.tt-cat { font-size: 15px; font-weight: 700; margin: 0 0 4px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.tt-sev { display: inline-flex; align-items: center; gap: 4px; font-size: 13px; font-weight: 700; padding: 1px 8px 1px 6px; border-radius: 999px; border: 1px solid transparent; }
.tt-sev.block { background: #a00f0f; color: #fff; }
.tt-sev.warn { background: #ffb81c; color: #212b32; border-color: #7a5200; }
.tt-sev.advise { background: #005eb8; color: #fff; }
.tt-sev.block .tt-icon rect, .tt-sev.advise .tt-icon rect { fill: #a00f0f; }
.tt-sev.advise .tt-icon rect { fill: #005eb8; }
.tt-sev.block .tt-icon path, .tt-sev.advise .tt-icon circle { fill: #fff; }
.tt-icon { flex: none; }
.tt-msg { margin: 0 0 6px; }
.tt-clause { margin: 0 0 6px; font-size: 14px; }
.tt-clause blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 2px solid #4c6272; font-style: italic; }
.tt-why { margin: 0 0 6px; font-size: 14px; color: #4c6272; }
.tt-why strong { color: #212b32; }
.tt-fix { font-size: 14px; margin: 0 0 4px; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.tt-fix dt { font-weight: 700; }
.tt-fix dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
.tt-before { text-decoration: line-through; color: #8a1538; }
.tt-after { color: #00642e; }
.tt-wrong { font-size: 14px; }
.tt-wrong p { margin: 4px 0; }
.tt-link { font: inherit; background: none; border: 0; padding: 2px 0; color: #005eb8; text-decoration: underline; cursor: pointer; }
.tt-check { display: flex; gap: 6px; align-items: start; }
.tt-check input { width: 18px; height: 18px; margin: 2px 0 0; }
.tt-reason { margin: 6px 0 4px; }
.tt-reason label { display: block; font-weight: 700; }
.tt-reason textarea { display: block; box-sizing: border-box; width: 100%; font: inherit; padding: 6px; border: 2px solid #4c6272; border-radius: 4px; color: #212b32; background: #fff; }
.tt-reason textarea[aria-invalid="true"] { border-color: #a00f0f; }
.tt-hintline { margin: 0 0 4px; font-size: 14px; color: #4c6272; }
.tt-error { margin: 4px 0 0; color: #a00f0f; font-weight: 700; }
.tt-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px -16px 0; padding: 10px 16px 12px; position: sticky; bottom: -14px; background: #fff; border-top: 1px solid #d8dde0; }
.tt-actions button { font: inherit; min-height: 36px; padding: 6px 12px; border-radius: 6px; border: 2px solid #005eb8; background: #fff; color: #005eb8; cursor: pointer; }
.tt-actions button.primary { background: #005eb8; color: #fff; }
.tt-actions button:hover { text-decoration: underline; }
button:focus-visible, a:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #212b32; outline-offset: 2px; box-shadow: 0 0 0 6px #ffeb3b; }
.tt-note { font-size: 14px; margin: 8px 0 0; color: #8a1538; }
.tt-note.ok { color: #00642e; }
.tt-support { font-size: 14px; margin: 8px 0 0; }
.tt-hint { position: fixed; pointer-events: auto; max-width: min(360px, calc(100vw - 16px)); background: #fff; color: #212b32; border: 1px solid #005eb8; border-radius: 8px; padding: 6px 10px; font-size: 14px; box-shadow: 0 3px 10px rgba(0,0,0,.18); display: flex; gap: 8px; align-items: start; box-sizing: border-box; }
.tt-hint button { font: inherit; min-width: 24px; min-height: 24px; border: 0; background: none; color: #005eb8; cursor: pointer; padding: 0 2px; }
.tt-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #005eb8; }
@media (forced-colors: active) {
  .tt-panel, .tt-card, .tt-sev, .tt-audience, .tt-concerns { border: 1px solid CanvasText; }
  .tt-mark { background: Highlight; opacity: .4; }
}
`;
