// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextIndex, rangeFor, rangeText } from './text-index';

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
    const range = rangeFor(index, start, start + 'took the valley.'.length).range!;
    expect(rangeText(range)).toBe('took the valley.');
    expect(range.startContainer.parentElement?.tagName).toBe('B');
  });
  it('skips what it is told to skip', () => {
    document.body.innerHTML = '<p>Keep this.</p><div class="ours"><p>Not this.</p></div>';
    expect(buildTextIndex(document.body, (el) => el.classList.contains('ours')).text).toBe('Keep this.');
  });
  it('gives no range out of bounds', () => {
    document.body.innerHTML = '<p>Short.</p>';
    const index = buildTextIndex(document.body);
    expect(rangeFor(index, 0, 100)).toEqual({ range: null, refused: 'out of bounds' });
    expect(rangeFor(index, 3, 3)).toEqual({ range: null, refused: 'out of bounds' });
  });
  it('reads open shadow roots in place of their host\u2019s children, slots showing their assigned nodes', () => {
    const { root, index } = shadowStory(
      '<p>Before.</p><news-story><b slot="lead">Lead line.</b><i>not slotted</i></news-story><p>After.</p>',
      '<style>p { color: red }</style><slot name="lead"></slot><p>The army took the valley.</p>',
    );
    expect(index.text).toBe('Before. Lead line. The army took the valley. After.');
    const start = index.text.indexOf('took');
    const range = rangeFor(index, start, start + 'took the valley.'.length).range!;
    expect(rangeText(range)).toBe('took the valley.');
    expect(range.startContainer.getRootNode()).toBe(root);
  });
  it('gives no range across a shadow root\u2019s text and text slotted from the page, saying why', () => {
    const { index } = shadowStory('<news-story><b slot="lead">Lead line.</b></news-story><p>After.</p>', '<slot name="lead"></slot> <span>The army took the valley.</span>');
    expect(index.text).toBe('Lead line. The army took the valley. After.');
    const at = (s: string) => [index.text.indexOf(s), index.text.indexOf(s) + s.length] as const;
    // From the slotted page text into the shadow root's own text, and from there out to the page.
    expect(rangeFor(index, ...at('line. The army'))).toEqual({ range: null, refused: 'crosses roots' });
    expect(rangeFor(index, ...at('valley. After'))).toEqual({ range: null, refused: 'crosses roots' });
    // Within one tree a range is still made.
    expect(rangeText(rangeFor(index, ...at('The army took')).range!)).toBe('The army took');
    expect(rangeText(rangeFor(index, ...at('Lead line.')).range!)).toBe('Lead line.');
  });
  it('gives no range for text that has left the page', () => {
    document.body.innerHTML = '<p>Gone soon.</p>';
    const index = buildTextIndex(document.body);
    document.body.innerHTML = '';
    expect(rangeFor(index, 0, 4)).toEqual({ range: null, refused: 'detached' });
  });
});
