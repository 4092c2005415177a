import type { Finding, Result } from '../checker/types.js';
import { CATEGORY_WORDS } from '../shared/categories.js';

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PanelModel {
  result: Result;
  /** Title of the policy in force and the bundled file with its full text. */
  policyFile: string | null;
  anchor: Rect | null;
  marks: { rect: Rect; severity: Finding['severity'] }[];
  /** Set when "Apply fix" could not write into the editor: offer the copy fallback. */
  writeFailed: boolean;
  copied: boolean;
  /** The ruleset could not be loaded: the post is held, and the user decides. */
  unchecked: boolean;
}

export interface PanelActions {
  applyFix(): void;
  editPost(): void;
  postAnyway(): void;
  copyFixed(): void;
  openPolicy(file: string): void;
}

const SEVERITY_WORDS: Record<Finding['severity'], string> = { block: 'Must not be posted', warn: 'Think twice', advise: 'Advice' };

/** Below the compose box when there is room, otherwise as low as fits; always inside the viewport. */
function placePanel(anchor: Rect | null): { top: number; left: number; maxHeight: number } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(440, vw - 24);
  const tall = Math.min(640, vh - 24);
  const left = anchor ? Math.min(Math.max(12, anchor.left), Math.max(12, vw - width - 12)) : Math.max(12, (vw - width) / 2);
  if (anchor) {
    const below = anchor.top + anchor.height + 8;
    if (vh - below - 12 >= Math.min(360, tall)) return { top: below, left, maxHeight: vh - below - 12 };
  }
  const top = Math.max(12, vh - tall - 12);
  return { top, left, maxHeight: vh - top - 12 };
}

export function Panel({ model, actions }: { model: PanelModel; actions: PanelActions }) {
  const { result } = model;
  const held = result.findings.filter((f) => f.severity !== 'advise');
  const isBlock = result.verdict === 'block';
  const hasFix = held.some((f) => f.fix !== null);
  const pos = placePanel(model.anchor);
  const title = model.unchecked
    ? 'Think Twice could not check this post'
    : isBlock
      ? 'This post breaks your social media policy'
      : 'Think twice before posting this';
  return (
    <div class="tt-layer">
      {model.marks.map((m, i) => (
        <div key={i} class={`tt-mark ${m.severity}`} style={{ top: `${m.rect.top}px`, left: `${m.rect.left}px`, width: `${m.rect.width}px`, height: `${m.rect.height}px` }} />
      ))}
      <div
        class="tt-panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="tt-title"
        aria-describedby="tt-sub"
        tabIndex={-1}
        style={{ top: `${pos.top}px`, left: `${pos.left}px`, maxHeight: `${pos.maxHeight}px` }}
      >
        <h2 class="tt-title" id="tt-title">{title}</h2>
        <p class="tt-sub" id="tt-sub">
          {model.unchecked
            ? 'Your policy could not be loaded, so this post was held. Check it yourself before posting.'
            : `Think Twice held this post. ${held.length === 1 ? '1 thing' : `${held.length} things`} to look at before it goes out.`}
        </p>
        {held.map((f, i) => (
          <FindingCard key={`${f.rule}-${f.start}-${i}`} finding={f} policyFile={model.policyFile} openPolicy={actions.openPolicy} />
        ))}
        <div class="tt-actions">
          {hasFix && !model.writeFailed && (
            <button type="button" class="primary" onClick={actions.applyFix}>
              Apply fix
            </button>
          )}
          {hasFix && model.writeFailed && (
            <button type="button" class="primary" onClick={actions.copyFixed}>
              Copy fixed text
            </button>
          )}
          <button type="button" onClick={actions.editPost}>
            Edit post
          </button>
          {(result.verdict === 'warn' || model.unchecked) && (
            <button type="button" onClick={actions.postAnyway}>
              Post anyway
            </button>
          )}
        </div>
        {model.writeFailed && <p class="tt-note">The fix could not be written into this editor safely. Copy the fixed text and paste it in instead.</p>}
        {model.copied && <p class="tt-note" role="status">Fixed text copied.</p>}
      </div>
    </div>
  );
}

function FindingCard({ finding: f, policyFile, openPolicy }: { finding: Finding; policyFile: string | null; openPolicy: (file: string) => void }) {
  return (
    <section class={`tt-card ${f.severity}`} aria-label={CATEGORY_WORDS[f.category]}>
      <p class="tt-cat">
        {CATEGORY_WORDS[f.category]} <span class="tt-sr">({SEVERITY_WORDS[f.severity]})</span>
      </p>
      <p class="tt-msg">{f.message}</p>
      <div class="tt-clause">
        <span>
          {f.clause.title}, section {f.clause.section}:
        </span>
        <blockquote>“{f.clause.quote}”</blockquote>
        {policyFile && (
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              openPolicy(policyFile);
            }}
          >
            Read the full policy
          </a>
        )}
      </div>
      {f.clause.why && <p class="tt-why">{f.clause.why}</p>}
      {f.fix && (
        <dl class="tt-fix">
          <dt>Before</dt>
          <dd class="tt-before">{f.match}</dd>
          <dt>After</dt>
          <dd class="tt-after">{f.fix.replacement === '' ? '(removed)' : f.fix.replacement}</dd>
        </dl>
      )}
    </section>
  );
}

export function Hint({ findings, anchor, onClose }: { findings: Finding[]; anchor: Rect | null; onClose: () => void }) {
  const first = findings[0];
  if (!first) return null;
  const top = anchor ? Math.min(anchor.top + anchor.height + 6, window.innerHeight - 60) : 12;
  const left = anchor ? Math.max(8, Math.min(anchor.left, window.innerWidth - 370)) : 12;
  return (
    <div class="tt-layer">
      <div class="tt-hint" style={{ top: `${top}px`, left: `${left}px` }}>
        <span>
          <strong>Think Twice:</strong> {first.message}
          {findings.length > 1 ? ` (+${findings.length - 1} more)` : ''}
        </span>
        <button type="button" aria-label="Dismiss advice" onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}
