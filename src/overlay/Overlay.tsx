import { useEffect, useRef, useState } from 'preact/hooks';
import type { Audience, Category, Finding, Result, Severity } from '../checker/types.js';
import { langTag, t, uiLanguage, type MessageKey, type UiLanguage } from './i18n.js';
import { contactHref, reportHref } from './report.js';

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
  /** Who will see the post, where the page shows it. */
  audience?: Audience | null;
  /** Site name for a "this warning is wrong" report. */
  site?: string;
  /** Ruleset id and version for a report. */
  ruleset?: { id: string; version: number | string } | null;
  /** "Post anyway" asks for a reason first (managed setting). */
  requireReason?: boolean;
  /** IG team: e-mail address or https:// page. */
  supportContact?: string | null;
  freedomToSpeakUpContact?: string | null;
  /**
   * The post text, held in memory only while the card is open, for a report the person
   * chooses to send with it. Never stored.
   */
  text?: string;
}

export interface PanelActions {
  applyFix(): void;
  editPost(): void;
  /** `reason` is given when the organisation requires one; it is not stored. */
  postAnyway(reason?: string): void;
  copyFixed(): void;
  openPolicy(file: string): void;
  /** Records locally that the person thinks this rule was wrong here. */
  reportWrong?(rule: string): void;
  /** Close without posting (the close button; Esc does the same). */
  close?(): void;
}

export const CATEGORY_KEYS: Record<Category, MessageKey> = {
  'patient-identifiable': 'cat_patient_identifiable',
  'colleague-privacy': 'cat_colleague_privacy',
  'confidential-business': 'cat_confidential_business',
  security: 'cat_security',
  derogatory: 'cat_derogatory',
  'offensive-language': 'cat_offensive_language',
  'speaking-for-organisation': 'cat_speaking_for_organisation',
  political: 'cat_political',
  'commercial-endorsement': 'cat_commercial_endorsement',
  'work-email': 'cat_work_email',
  'raising-concerns': 'cat_raising_concerns',
  safeguarding: 'cat_safeguarding',
  'clinical-advice': 'cat_clinical_advice',
  media: 'cat_media',
};

export const SEVERITY_KEYS: Record<Severity, MessageKey> = { block: 'severity_block', warn: 'severity_warn', advise: 'severity_advise' };

const AUDIENCE_KEYS: Record<Audience, MessageKey> = { public: 'audience_public', group: 'audience_group', direct: 'audience_direct' };

/** The finding's message in the UI language where the rule provides it; `lang` marks a fallback. */
export function findingMessage(f: Finding, lang: UiLanguage): { text: string; lang?: string } {
  if (lang === 'cy') return f.messageCy ? { text: f.messageCy } : { text: f.message, lang: 'en-GB' };
  return { text: f.message };
}

export function findingWhy(f: Finding, lang: UiLanguage): { text: string; lang?: string } {
  if (lang === 'cy') return f.whyCy ? { text: f.whyCy } : { text: f.clause.why, lang: 'en-GB' };
  return { text: f.clause.why };
}

/** Severity as an icon and a word, never colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span class={`tt-sev ${severity}`}>
      <svg class="tt-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        {severity === 'block' && (
          <>
            <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
            <rect x="4" y="7" width="8" height="2" fill="#fff" />
          </>
        )}
        {severity === 'warn' && (
          <>
            <path d="M8 1l7.5 14H.5z" fill="currentColor" />
            <rect x="7.1" y="5.5" width="1.8" height="5" fill="#fff" />
            <rect x="7.1" y="11.6" width="1.8" height="1.8" fill="#fff" />
          </>
        )}
        {severity === 'advise' && (
          <>
            <circle cx="8" cy="8" r="7.5" fill="currentColor" />
            <rect x="7.1" y="7" width="1.8" height="5.5" fill="#fff" />
            <rect x="7.1" y="3.6" width="1.8" height="1.8" fill="#fff" />
          </>
        )}
      </svg>
      {t(SEVERITY_KEYS[severity])}
    </span>
  );
}

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

function ContactLink({ contact, children }: { contact: string; children: string }) {
  const href = contactHref(contact);
  if (!href) return null;
  return (
    <a href={href} target={href.startsWith('https:') ? '_blank' : undefined} rel="noopener noreferrer">
      {children}
    </a>
  );
}

export function Panel({ model, actions }: { model: PanelModel; actions: PanelActions }) {
  const { result } = model;
  const lang = uiLanguage();
  const held = result.findings.filter((f) => f.severity !== 'advise');
  const isBlock = result.verdict === 'block';
  const hasFix = held.some((f) => f.fix !== null);
  const concerns = held.some((f) => f.category === 'raising-concerns');
  const pos = placePanel(model.anchor);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (reasonOpen) reasonRef.current?.focus();
  }, [reasonOpen]);

  const title = model.unchecked ? t('title_unchecked') : isBlock ? t('title_block') : t('title_warn');
  const canPostAnyway = result.verdict === 'warn' || model.unchecked;
  const onPostAnyway = () => {
    if (model.requireReason) {
      if (!reasonOpen) {
        setReasonOpen(true);
        return;
      }
      if (reason.trim() === '') {
        setReasonError(true);
        reasonRef.current?.focus();
        return;
      }
      actions.postAnyway(reason.trim());
      return;
    }
    actions.postAnyway();
  };

  return (
    <div class="tt-layer" lang={langTag(lang)}>
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
        <div class="tt-head">
          <h2 class="tt-title" id="tt-title">
            {title}
          </h2>
          {actions.close && (
            <button type="button" class="tt-close" aria-label={t('btn_close')} title={t('btn_close')} onClick={actions.close}>
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" />
              </svg>
            </button>
          )}
        </div>
        <p class="tt-sub" id="tt-sub">
          {model.unchecked ? t('sub_unchecked') : held.length === 1 ? t('sub_held_one') : t('sub_held_many', held.length)}
        </p>
        {model.audience && (
          <p class="tt-audience" data-audience={model.audience}>
            <strong>{t('audience_label')}</strong> {t(AUDIENCE_KEYS[model.audience])}
          </p>
        )}
        {concerns && (
          <section class="tt-concerns" aria-labelledby="tt-concerns-h">
            <h3 id="tt-concerns-h">{t('concerns_heading')}</h3>
            <p>{t('concerns_text')}</p>
            <ul>
              <li>{model.freedomToSpeakUpContact ? <ContactLink contact={model.freedomToSpeakUpContact}>{t('concerns_ftsu')}</ContactLink> : t('concerns_no_ftsu')}</li>
              {model.policyFile && (
                <li>
                  <a
                    href="#"
                    onClick={(e) => {
                      e.preventDefault();
                      actions.openPolicy(model.policyFile!);
                    }}
                  >
                    {t('concerns_policy')}
                  </a>
                </li>
              )}
            </ul>
          </section>
        )}
        {held.map((f, i) => (
          <FindingCard key={`${f.rule}-${f.start}-${i}`} index={i} finding={f} model={model} actions={actions} lang={lang} />
        ))}
        {reasonOpen && (
          <div class="tt-reason">
            <label for="tt-reason-text">{t('reason_label')}</label>
            <p class="tt-hintline" id="tt-reason-hint">
              {t('reason_hint')}
            </p>
            <textarea
              id="tt-reason-text"
              ref={reasonRef}
              rows={2}
              value={reason}
              aria-required="true"
              aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={reasonError ? 'tt-reason-hint tt-reason-error' : 'tt-reason-hint'}
              onInput={(e) => {
                setReason((e.target as HTMLTextAreaElement).value);
                if (reasonError) setReasonError(false);
              }}
            />
            {reasonError && (
              <p class="tt-error" id="tt-reason-error" role="alert">
                {t('reason_required')}
              </p>
            )}
          </div>
        )}
        <div class="tt-actions">
          {hasFix && !model.writeFailed && (
            <button type="button" class="primary" onClick={actions.applyFix}>
              {t('btn_apply_fix')}
            </button>
          )}
          {hasFix && model.writeFailed && (
            <button type="button" class="primary" onClick={actions.copyFixed}>
              {t('btn_copy_fixed')}
            </button>
          )}
          <button type="button" onClick={actions.editPost}>
            {t('btn_edit')}
          </button>
          {canPostAnyway && (
            <button type="button" onClick={onPostAnyway}>
              {reasonOpen ? t('reason_confirm') : t('btn_post_anyway')}
            </button>
          )}
        </div>
        {model.writeFailed && <p class="tt-note">{t('note_write_failed')}</p>}
        {model.copied && (
          <p class="tt-note ok" role="status">
            {t('note_copied')}
          </p>
        )}
        {model.supportContact && contactHref(model.supportContact) && (
          <p class="tt-support">
            <ContactLink contact={model.supportContact}>{t('support_contact')}</ContactLink>
          </p>
        )}
      </div>
    </div>
  );
}

function FindingCard({ finding: f, model, actions, lang, index }: { finding: Finding; model: PanelModel; actions: PanelActions; lang: UiLanguage; index: number }) {
  const [wrong, setWrong] = useState(false);
  const [includeText, setIncludeText] = useState(false);
  const message = findingMessage(f, lang);
  const why = f.clause.why ? findingWhy(f, lang) : null;
  const id = `tt-card-${index}`;
  const report = reportHref(model.supportContact ?? null, {
    rule: f.rule,
    rulesetId: model.ruleset?.id ?? f.clause.policy,
    rulesetVersion: model.ruleset?.version ?? '',
    site: model.site ?? location.hostname,
    text: includeText ? (model.text ?? null) : null,
  });
  const english = lang === 'cy' ? 'en-GB' : undefined;
  return (
    // A group, not a landmark: cards with the same category would be duplicate landmarks.
    <div role="group" class={`tt-card ${f.severity}`} aria-labelledby={`${id}-h`} data-rule={f.rule}>
      <h3 class="tt-cat" id={`${id}-h`}>
        <SeverityBadge severity={f.severity} /> <span>{t(CATEGORY_KEYS[f.category])}</span>
      </h3>
      <p class="tt-msg" lang={message.lang}>
        {message.text}
      </p>
      <div class="tt-clause">
        <span lang={english}>{t('clause_ref', f.clause.title, f.clause.section)}</span>
        <blockquote lang={english}>“{f.clause.quote}”</blockquote>
        {model.policyFile && (
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              actions.openPolicy(model.policyFile!);
            }}
          >
            {t('read_policy')}
          </a>
        )}
      </div>
      {why && (
        <p class="tt-why">
          <strong>{t('why_label')}</strong> <span lang={why.lang}>{why.text}</span>
        </p>
      )}
      {f.fix && (
        <dl class="tt-fix">
          <dt>{t('fix_before')}</dt>
          <dd class="tt-before">{f.match}</dd>
          <dt>{t('fix_after')}</dt>
          <dd class="tt-after">{f.fix.replacement === '' ? t('fix_removed') : f.fix.replacement}</dd>
        </dl>
      )}
      {actions.reportWrong && (
        <div class="tt-wrong">
          <button
            type="button"
            class="tt-link"
            aria-expanded={wrong ? 'true' : 'false'}
            aria-controls={`${id}-wrong`}
            onClick={() => {
              if (!wrong) actions.reportWrong!(f.rule);
              setWrong(!wrong);
            }}
          >
            {t('btn_wrong')}
          </button>
          <div id={`${id}-wrong`} hidden={!wrong}>
            {wrong && (
              <>
                <p role="status">{t('wrong_recorded')}</p>
                {report ? (
                  <>
                    {report.startsWith('mailto:') && (
                      <p class="tt-check">
                        <input id={`${id}-include`} type="checkbox" checked={includeText} onChange={(e) => setIncludeText((e.target as HTMLInputElement).checked)} />
                        <label for={`${id}-include`}>{t('wrong_include_text')}</label>
                      </p>
                    )}
                    <p>
                      <a href={report} target={report.startsWith('https:') ? '_blank' : undefined} rel="noopener noreferrer" class="tt-report">
                        {t('wrong_email')}
                      </a>
                    </p>
                  </>
                ) : (
                  <p>{t('wrong_no_contact')}</p>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function Hint({ findings, anchor, onClose }: { findings: Finding[]; anchor: Rect | null; onClose: () => void }) {
  const first = findings[0];
  if (!first) return null;
  const lang = uiLanguage();
  const message = findingMessage(first, lang);
  const top = anchor ? Math.min(anchor.top + anchor.height + 6, window.innerHeight - 60) : 12;
  const left = anchor ? Math.max(8, Math.min(anchor.left, window.innerWidth - 370)) : 12;
  return (
    <div class="tt-layer" lang={langTag(lang)}>
      <div class="tt-hint" role="note" style={{ top: `${top}px`, left: `${left}px` }}>
        <span>
          <SeverityBadge severity="advise" /> <strong>Think Twice:</strong> <span lang={message.lang}>{message.text}</span>
          {findings.length > 1 ? ` ${t('hint_more', findings.length - 1)}` : ''}
        </span>
        <button type="button" aria-label={t('hint_dismiss')} title={t('hint_dismiss')} onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}
