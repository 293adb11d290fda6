import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text';

describe('htmlToText', () => {
  it.each([
    { name: 'plain text', html: 'Floods hit the valley.', expected: 'Floods hit the valley.' },
    { name: 'empty', html: '', expected: '' },
    { name: 'paragraphs', html: '<p>One.</p><p>Two.</p>', expected: 'One.\n\nTwo.' },
    { name: 'unclosed paragraphs', html: '<p>One.<p>Two.', expected: 'One.\n\nTwo.' },
    { name: 'headings and divs', html: '<h1>Title</h1><div>Body <b>bold</b> text.</div>', expected: 'Title\n\nBody bold text.' },
    { name: 'inline elements join', html: 'a<b>c</b>d <em>e</em>', expected: 'acd e' },
    { name: 'br', html: 'line one<br>line two<br/>line three', expected: 'line one\nline two\nline three' },
    { name: 'double br makes a paragraph', html: 'one<br><br>two', expected: 'one\n\ntwo' },
    { name: 'br with whitespace between', html: 'one<br>\n  <br>two', expected: 'one\n\ntwo' },
    { name: 'whitespace collapses', html: '<p>  many   spaces\n\tand\nlines  </p>', expected: 'many spaces and lines' },
    { name: 'space between inline tags kept', html: '<span>a</span> <span>b</span>', expected: 'a b' },
    { name: 'no doubled paragraph breaks', html: '<div><p>One.</p></div>\n\n<div><div><p>Two.</p></div></div>', expected: 'One.\n\nTwo.' },
    { name: 'list items', html: '<ul><li>First</li><li>Second</li></ul>', expected: 'First\n\nSecond' },
    { name: 'table cells on one line', html: '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', expected: 'a b\n\nc d' },
    { name: 'hr', html: 'above<hr>below', expected: 'above\n\nbelow' },
    { name: 'blockquote', html: 'He said:<blockquote>We will rebuild.</blockquote>Then left.', expected: 'He said:\n\nWe will rebuild.\n\nThen left.' },
    // Dropped content.
    { name: 'script', html: '<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>', expected: 'a\n\nb' },
    { name: 'script with tags in strings', html: 'a<script>document.write("</div><p>x")</script>b', expected: 'ab' },
    { name: 'SCRIPT upper case', html: 'a<SCRIPT type="x">1 < 2</SCRIPT>b', expected: 'ab' },
    { name: 'style', html: '<style>p { color: red }</style><p>text</p>', expected: 'text' },
    { name: 'noscript', html: '<noscript><img src=x>Enable JS</noscript>story', expected: 'story' },
    { name: 'template', html: '<template><p>hidden</p></template><p>shown</p>', expected: 'shown' },
    { name: 'svg with nested svg', html: 'a<svg><svg><text>icon</text></svg><text>x</text></svg>b', expected: 'ab' },
    { name: 'self-closed svg', html: 'a<svg/>b', expected: 'ab' },
    { name: 'head', html: '<html><head><title>Site</title><meta charset="utf-8"></head><body><p>Story</p></body></html>', expected: 'Story' },
    { name: 'unclosed head', html: '<html><head><title>Site</title><body><p>Story</p>', expected: 'Story' },
    { name: 'nav header footer aside', html: '<header>Logo</header><nav><a>Home</a></nav><article><p>Story.</p></article><aside>Ad</aside><footer>©</footer>', expected: 'Story.' },
    { name: 'nested same dropped element', html: '<nav>a<nav>b</nav>c</nav>text', expected: 'text' },
    { name: 'figure and caption', html: '<p>Before.</p><figure><img src="a.jpg"><figcaption>Photo: Agency</figcaption></figure><p>After.</p>', expected: 'Before.\n\nAfter.' },
    { name: 'form', html: '<form><label>Email</label><input><button>Subscribe</button></form>Story', expected: 'Story' },
    { name: 'comments', html: 'a<!-- comment <p>x</p> -->b', expected: 'ab' },
    { name: 'unclosed comment', html: 'a<!-- never closed <p>x</p>', expected: 'a' },
    { name: 'doctype', html: '<!DOCTYPE html><p>x</p>', expected: 'x' },
    { name: 'processing instruction', html: '<?xml version="1.0"?><p>x</p>', expected: 'x' },
    { name: 'CDATA kept as text', html: '<p><![CDATA[a &amp; b]]></p>', expected: 'a &amp; b' },
    { name: 'end tag of dropped element closes inner unclosed ones', html: '<aside><div><span>x</aside>y', expected: 'y' },
    // Attributes.
    { name: '> inside a quoted attribute', html: '<a title="a > b">link</a> text', expected: 'link text' },
    { name: 'single-quoted attribute', html: "<a title='it > is'>link</a>", expected: 'link' },
    { name: 'apostrophe in unquoted attribute', html: "<a title=it's>link</a>", expected: 'link' },
    { name: 'unclosed attribute quote ends at >', html: '<a href="x>link</a> more', expected: 'link more' },
    // Literal "<".
    { name: 'less-than in text', html: '<p>3 < 5 and 5 > 3</p>', expected: '3 < 5 and 5 > 3' },
    { name: 'lone <', html: 'a <', expected: 'a <' },
    { name: 'unclosed tag at end', html: 'text <a href="x"', expected: 'text' },
    // Entities.
    { name: 'named entities', html: 'Fish &amp; chips &lt;3 &quot;hi&quot; &apos;yo&apos;', expected: 'Fish & chips <3 "hi" \'yo\'' },
    { name: 'typographic entities', html: '&ldquo;Yes,&rdquo; she said &mdash; twice&hellip;', expected: '“Yes,” she said — twice…' },
    { name: 'accented', html: 'caf&eacute; &Uuml;ber gar&ccedil;on se&ntilde;or &Aring;', expected: 'café Über garçon señor Å' },
    { name: 'numeric', html: '&#8220;x&#8221; &#x2014; &#X41;&#66;', expected: '“x” — AB' },
    { name: 'Windows-1252 numeric', html: 'it&#146;s &#151; &#128;5', expected: 'it’s — €5' },
    { name: 'invalid numeric', html: 'a&#0;b&#xD800;c&#x110000;d', expected: 'a\uFFFDb\uFFFDc\uFFFDd' },
    { name: 'nbsp becomes a space and collapses', html: 'a&nbsp;&nbsp;b\u00a0c', expected: 'a b c' },
    { name: 'soft hyphen disappears', html: 'infor&shy;mation', expected: 'information' },
    { name: 'unknown entity kept', html: 'a &bogus; b', expected: 'a &bogus; b' },
    { name: 'ampersand in text', html: 'AT&T and R&D & more', expected: 'AT&T and R&D & more' },
    { name: 'legacy entity without semicolon', html: 'a &amp b &copy 2024', expected: 'a & b © 2024' },
    { name: 'entity does not make markup', html: '&lt;p&gt;not a paragraph&lt;/p&gt;', expected: '<p>not a paragraph</p>' },
    { name: 'pre keeps lines', html: '<pre>line 1\nline 2</pre>after', expected: 'line 1\nline 2\n\nafter' },
    {
      name: 'a realistic article page',
      html: `<!doctype html><html><head><title>Floods | Ledger</title><style>.x{}</style></head>
        <body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
        <main><article><h1>Floods close valley roads</h1>
        <p class="byline">By A. Reporter</p>
        <p>Flooding closed 12 roads in the Sarrow&nbsp;Valley on Tuesday, officials said.</p>
        <figure><img src="flood.jpg" alt="Water"><figcaption>Water on Main St.</figcaption></figure>
        <p>The army said it had moved<br>300 people to shelters.</p>
        <aside class="related"><h2>Related</h2><ul><li>Earlier story</li></ul></aside>
        </article></main><footer>&copy; Ledger</footer><script>track()</script></body></html>`,
      expected:
        'Floods close valley roads\n\nBy A. Reporter\n\nFlooding closed 12 roads in the Sarrow Valley on Tuesday, officials said.\n\nThe army said it had moved\n300 people to shelters.',
    },
  ])('$name', ({ html, expected }) => {
    const actual = htmlToText(html);
    expect(actual).toBe(expected);
  });

  it.each([
    { name: 'unclosed comments', html: '<!--'.repeat(200_000) },
    { name: 'unclosed tags', html: '<a '.repeat(200_000) },
    { name: 'unclosed quotes in tags', html: '<a title="x>'.repeat(100_000) },
    { name: 'quotes without "="', html: `<a ${'" '.repeat(300_000)}>` },
    { name: 'unclosed scripts', html: '<script>'.repeat(100_000) },
    { name: 'unclosed raw text inside dropped', html: `<nav>${'<style>'.repeat(100_000)}` },
    { name: 'deep nesting', html: `${'<div><nav>'.repeat(50_000)}x${'</nav></div>'.repeat(50_000)}` },
    { name: 'many entities', html: '&amp;&#x41;&bogus;&'.repeat(100_000) },
    { name: 'many less-than signs', html: '< < <'.repeat(200_000) },
    { name: 'many end tags', html: '</p></x></'.repeat(100_000) },
  ])('takes time in proportion to its input: $name', ({ html }) => {
    const started = performance.now();
    const actual = htmlToText(html);
    const elapsed = performance.now() - started;
    expect(typeof actual).toBe('string');
    // Linear work is a few milliseconds here; quadratic work would take minutes.
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('decodeEntities', () => {
  it.each([
    { text: 'no entities', expected: 'no entities' },
    { text: '&amp;amp;', expected: '&amp;' },
    { text: '&AMP;', expected: '&AMP;' },
    { text: '&eacute;&Eacute;&egrave;&ecirc;&euml;', expected: 'éÉèêë' },
    { text: '&scaron;&Zcaron;&aring;&oslash;&szlig;', expected: 'šŽåøß' },
    { text: '&#128512;', expected: '😀' },
    { text: '&#x1F600;', expected: '😀' },
    { text: '&#65', expected: 'A' },
    { text: '&#99999999999;', expected: '\uFFFD' },
    { text: '&euro;10 &pound;5 &yen;3', expected: '€10 £5 ¥3' },
    { text: '&hellip', expected: '&hellip' },
  ])('$text → $expected', ({ text, expected }) => {
    const actual = decodeEntities(text);
    expect(actual).toBe(expected);
  });
});
