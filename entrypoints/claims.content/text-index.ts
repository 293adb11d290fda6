/**
 * The live page's visible text as one string, whitespace collapsed the way the extracted article
 * text is, with a map back from each character to its text node and offset — so a claim found
 * in the article text can be found, and painted, in the page.
 */

import { pushComposedChildren } from '@/utils/composed-tree';
import { runToEnd } from '@/utils/run-to-end';

/** Elements whose text is never article text (and never ours to highlight). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT']);

export interface TextIndex {
  text: string;
  /** For each character of `text`: index into `nodes`. */
  nodeOf: Int32Array;
  /** For each character of `text`: offset in its text node. */
  offsetOf: Int32Array;
  nodes: Text[];
}

/** Blocks whose text never runs on into the next block's. */
const BLOCK_SELECTOR = 'p,div,li,h1,h2,h3,h4,h5,h6,blockquote,td,th,dd,dt,section,article,header,footer,figcaption,pre,main,aside,nav,ul,ol,table,tr';

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;

/** Text nodes indexed between two steps of buildTextIndexSteps. */
const NODES_PER_STEP = 100;

/**
 * Builds the text index of everything under `root`, skipping scripts, form fields and any element
 * for which `skip` answers true (our own UI).
 */
export function buildTextIndex(root: Node, skip: (el: Element) => boolean = () => false): TextIndex {
  return runToEnd(buildTextIndexSteps(root, skip));
}

/**
 * buildTextIndex as steps (a `yield` every NODES_PER_STEP text nodes), so a long page's index can
 * be built a slice at a time. The page is read as it is at each step: a caller that gives the
 * page its main thread back in between watches for changes from before the first step.
 */
export function* buildTextIndexSteps(root: Node, skip: (el: Element) => boolean = () => false): Generator<void, TextIndex> {
  const pieces: string[] = [];
  // Grown as needed: one entry per character of the text.
  let nodeOf = new Int32Array(4096);
  let offsetOf = new Int32Array(4096);
  let length = 0;
  const room = (more: number) => {
    if (length + more <= nodeOf.length) return;
    const size = Math.max(nodeOf.length * 2, length + more);
    const nodes2 = new Int32Array(size);
    nodes2.set(nodeOf.subarray(0, length));
    nodeOf = nodes2;
    const offsets2 = new Int32Array(size);
    offsets2.set(offsetOf.subarray(0, length));
    offsetOf = offsets2;
  };
  const nodes: Text[] = [];
  let lastWasSpace = true;
  let lastBlock: Element | null = null;
  // Depth first through the composed tree (open shadow roots and their slots as a reader sees them).
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const textNode = node as Text;
      const value = textNode.data;
      if (!value) continue;
      const n = nodes.push(textNode) - 1;
      if (n > 0 && n % NODES_PER_STEP === 0) yield;
      room(value.length + 1);
      // Text of a new block is kept apart from the previous block's by a space, as a reader sees it.
      const block = textNode.parentElement?.closest(BLOCK_SELECTOR) ?? null;
      if (block !== lastBlock && !lastWasSpace) {
        pieces.push(' ');
        nodeOf[length] = n;
        offsetOf[length++] = 0;
        lastWasSpace = true;
      }
      lastBlock = block;
      // Runs of other characters are taken whole; a run of white space becomes one space.
      let runStart = -1;
      for (let i = 0; i < value.length; i++) {
        if (isSpace(value.charCodeAt(i))) {
          if (runStart >= 0) {
            pieces.push(value.slice(runStart, i));
            runStart = -1;
          }
          if (lastWasSpace) continue;
          pieces.push(' ');
          lastWasSpace = true;
        } else {
          if (runStart < 0) runStart = i;
          lastWasSpace = false;
        }
        nodeOf[length] = n;
        offsetOf[length++] = i;
      }
      if (runStart >= 0) pieces.push(value.slice(runStart));
      continue;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (node !== root && (SKIP.has(el.tagName.toUpperCase()) || skip(el))) continue;
    } else if (node.nodeType !== 9 && node.nodeType !== 11) continue;
    pushComposedChildren(node, stack);
  }
  return { text: pieces.join(''), nodeOf: nodeOf.slice(0, length), offsetOf: offsetOf.slice(0, length), nodes };
}

/**
 * A DOM range for characters `[start, end)` of the index, or null when there is none: characters
 * out of the index (or none), a text node they are in has left the page since the index was built,
 * or they start and end in different trees (a shadow root's own text and text slotted into it from
 * the page, or two shadow roots), which one DOM range cannot hold.
 */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || start >= end) return null;
  const first = index.nodes[index.nodeOf[start]];
  const last = index.nodes[index.nodeOf[end - 1]];
  if (!first?.isConnected || !last?.isConnected) return null;
  // Given an end in another tree, a range collapses to that end: it would paint nothing.
  if (first.getRootNode() !== last.getRootNode()) return null;
  // Text shortened since the index was built: its offsets no longer hold.
  if (index.offsetOf[start] > (first.nodeValue ?? '').length || index.offsetOf[end - 1] + 1 > (last.nodeValue ?? '').length) return null;
  const range = first.ownerDocument.createRange();
  range.setStart(first, index.offsetOf[start]);
  range.setEnd(last, index.offsetOf[end - 1] + 1);
  return range;
}

/** Text of a range with whitespace collapsed, to compare with a claim's text. */
export function rangeText(range: Range): string {
  return range.toString().replace(/[\s\u00a0]+/g, ' ').trim();
}
