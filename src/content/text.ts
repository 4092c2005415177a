/**
 * Reads an editor's plain text from its DOM the way the editors' own models see it
 * (Lexical, Draft.js, Quill and plain contenteditables all render one block element
 * per paragraph and `<br>` for a line break, with a filler `<br>` in empty blocks),
 * and keeps a map from text offsets back to DOM positions for highlights and the caret.
 * `innerText` is not used: it doubles the line breaks around <p> and forces layout.
 */

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'FIGURE',
]);

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the snapshot's text. */
  start: number;
}

export interface TextSnapshot {
  text: string;
  segments: TextSegment[];
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

export function readText(el: Element): TextSnapshot {
  if (isTextField(el)) return { text: (el as HTMLTextAreaElement).value, segments: [] };
  const segments: TextSegment[] = [];
  let text = '';

  const walkContainer = (node: Node): void => {
    let first = true;
    let inRun = false;
    let runEndsWithBr = false;
    const newLine = () => {
      if (!first) text += '\n';
      first = false;
    };
    const endRun = () => {
      // The filler <br> that keeps an empty or break-ended block open is not text.
      if (inRun && runEndsWithBr) text = text.slice(0, -1);
      inRun = false;
      runEndsWithBr = false;
    };
    const inline = (n: Node): void => {
      if (n.nodeType === 3) {
        const t = n as Text;
        if (t.data.length === 0) return;
        segments.push({ node: t, start: text.length });
        text += t.data;
        runEndsWithBr = false;
        return;
      }
      if (n.nodeType !== 1) return;
      const e = n as Element;
      if (e.tagName === 'BR') {
        text += '\n';
        runEndsWithBr = true;
        return;
      }
      if (e.tagName === 'STYLE' || e.tagName === 'SCRIPT' || e.getAttribute('contenteditable') === 'false') return;
      for (const c of e.childNodes) inline(c);
    };
    for (const child of node.childNodes) {
      if (child.nodeType === 1 && BLOCK_TAGS.has((child as Element).tagName)) {
        endRun();
        newLine();
        walkContainer(child);
      } else {
        if (child.nodeType === 3 && !inRun && /^[\n\r\t ]*$/.test((child as Text).data) && (child as Text).data.includes('\n')) continue; // markup whitespace between blocks
        if (!inRun) {
          newLine();
          inRun = true;
        }
        inline(child);
      }
    }
    endRun();
  };
  walkContainer(el);
  return { text, segments };
}

/** The DOM position of a text offset (for a Range), or null when the offset has no text node. */
export function domPosition(snapshot: TextSnapshot, offset: number): { node: Text; offset: number } | null {
  const segs = snapshot.segments;
  let best: TextSegment | undefined;
  for (const s of segs) {
    if (s.start <= offset && offset <= s.start + s.node.data.length) {
      best = s;
      if (offset < s.start + s.node.data.length) break;
    } else if (s.start > offset) {
      return best ? { node: best.node, offset: offset - best.start } : { node: s.node, offset: 0 };
    }
  }
  if (best) return { node: best.node, offset: Math.min(offset - best.start, best.node.data.length) };
  const last = segs[segs.length - 1];
  return last ? { node: last.node, offset: last.node.data.length } : null;
}

/** A DOM Range for [start, end) of a snapshot, or null. */
export function rangeFor(snapshot: TextSnapshot, start: number, end: number): Range | null {
  const a = domPosition(snapshot, start);
  const b = domPosition(snapshot, end);
  if (!a || !b) return null;
  const r = document.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return r;
}

/** Texts compared the way editors round-trip them (nbsp for spaces, no trailing newline). */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return norm(a) === norm(b);
}
