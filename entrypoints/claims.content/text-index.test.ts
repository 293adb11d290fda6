// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextIndex, rangeFor, rangeText } from './text-index';
import { forCases, ODD_CHARS, token } from '@/tests/fuzz';

/** A page whose <news-story> has an open shadow root, and the text index of the page. */
function shadowStory(page: string, shadow: string) {
  document.body.innerHTML = page;
  const root = document.querySelector('news-story')!.attachShadow({ mode: 'open' });
  root.innerHTML = shadow;
  return { root, index: buildTextIndex(document.body) };
}

describe('buildTextIndex', () => {
  it('collapses whitespace across nodes and maps characters back to nodes', () => {
    document.body.innerHTML = '<p>The  army <b>took</b>\n the valley.</p><script>var x = 1;</script><p>Next one.</p>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('The army took the valley. Next one.');
    const start = index.text.indexOf('took the');
    const range = rangeFor(index, start, start + 'took the valley.'.length)!;
    expect(rangeText(range)).toBe('took the valley.');
    expect(range.startContainer.parentElement?.tagName).toBe('B');
  });
  it('skips what it is told to skip', () => {
    document.body.innerHTML = '<p>Keep this.</p><div class="ours"><p>Not this.</p></div>';
    expect(buildTextIndex(document.body, (el) => el.classList.contains('ours')).text).toBe('Keep this.');
  });
  it('gives no range on text shortened since the index was built (and does not throw)', () => {
    document.body.innerHTML = '<p>The army took the valley on Monday.</p>';
    const index = buildTextIndex(document.body);
    const start = index.text.indexOf('valley');
    document.querySelector('p')!.firstChild!.nodeValue = 'The army left.';
    expect(rangeFor(index, start, start + 'valley'.length)).toBeNull();
  });
  it('gives no range out of bounds', () => {
    document.body.innerHTML = '<p>Short.</p>';
    const index = buildTextIndex(document.body);
    expect(rangeFor(index, 0, 100)).toBeNull();
    expect(rangeFor(index, 3, 3)).toBeNull();
  });
  it('reads open shadow roots in place of their host\u2019s children, slots showing their assigned nodes', () => {
    const { root, index } = shadowStory(
      '<p>Before.</p><news-story><b slot="lead">Lead line.</b><i>not slotted</i></news-story><p>After.</p>',
      '<style>p { color: red }</style><slot name="lead"></slot><p>The army took the valley.</p>',
    );
    expect(index.text).toBe('Before. Lead line. The army took the valley. After.');
    const start = index.text.indexOf('took');
    const range = rangeFor(index, start, start + 'took the valley.'.length)!;
    expect(rangeText(range)).toBe('took the valley.');
    expect(range.startContainer.getRootNode()).toBe(root);
  });
  it('gives no range across a shadow root\u2019s text and text slotted from the page', () => {
    const { index } = shadowStory('<news-story><b slot="lead">Lead line.</b></news-story><p>After.</p>', '<slot name="lead"></slot> <span>The army took the valley.</span>');
    expect(index.text).toBe('Lead line. The army took the valley. After.');
    const at = (s: string) => [index.text.indexOf(s), index.text.indexOf(s) + s.length] as const;
    // From the slotted page text into the shadow root's own text, and from there out to the page.
    expect(rangeFor(index, ...at('line. The army'))).toBeNull();
    expect(rangeFor(index, ...at('valley. After'))).toBeNull();
    // Within one tree a range is still made.
    expect(rangeText(rangeFor(index, ...at('The army took'))!)).toBe('The army took');
    expect(rangeText(rangeFor(index, ...at('Lead line.'))!)).toBe('Lead line.');
  });
  it('gives no range for text that has left the page', () => {
    document.body.innerHTML = '<p>Gone soon.</p>';
    const index = buildTextIndex(document.body);
    document.body.innerHTML = '';
    expect(rangeFor(index, 0, 4)).toBeNull();
  });
});

/** The index as defined, one character at a time (what buildTextIndex must equal). */
function plainIndex(root: Node): { text: string; nodeOf: number[]; offsetOf: number[]; nodes: Text[] } {
  const blocks = 'p,div,li,h1,h2,h3,h4,h5,h6,blockquote,td,th,dd,dt,section,article,header,footer,figcaption,pre,main,aside,nav,ul,ol,table,tr';
  const space = (c: string) => ' \t\n\r\f\u00a0'.includes(c);
  let text = '';
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const nodes: Text[] = [];
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script,style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!node.data) continue;
    const n = nodes.push(node) - 1;
    const block = node.parentElement?.closest(blocks) ?? null;
    const lastWasSpace = () => text === '' || text.endsWith(' ');
    if (block !== lastBlock && !lastWasSpace()) {
      text += ' ';
      nodeOf.push(n);
      offsetOf.push(0);
    }
    lastBlock = block;
    for (let i = 0; i < node.data.length; i++) {
      const c = node.data[i];
      if (space(c) && lastWasSpace()) continue;
      text += space(c) ? ' ' : c;
      nodeOf.push(n);
      offsetOf.push(i);
    }
  }
  return { text, nodeOf, offsetOf, nodes };
}

describe('buildTextIndex on seeded pages', () => {
  it('equals the index built one character at a time', async () => {
    await forCases(150, (rng) => {
      const tags = ['p', 'div', 'span', 'em', 'li', 'h2', 'script'];
      const make = (depth: number): string =>
        rng.repeat(1 + rng.int(4), () => {
          if (depth > 3 || rng.chance(0.5)) return rng.repeat(rng.int(6), () => (rng.chance(0.6) ? token(rng) : rng.pick(ODD_CHARS)));
          const tag = rng.pick(tags);
          return `<${tag}>${make(depth + 1)}</${tag}>`;
        });
      document.body.innerHTML = make(0);
      const fast = buildTextIndex(document.body);
      const plain = plainIndex(document.body);
      expect(fast.text).toBe(plain.text);
      expect(Array.from(fast.nodeOf)).toEqual(plain.nodeOf);
      expect(Array.from(fast.offsetOf)).toEqual(plain.offsetOf);
      expect(fast.nodes).toEqual(plain.nodes);
    });
  });
});
