// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { collapseSpace, elementText, extractArticle, extractArticleSteps, hasParseParts, hasWords, parseInSteps, wordCount } from './extract';
import { runToEnd } from './run-to-end';
import { forCases } from '../tests/fuzz';

const para = (n: number) =>
  `<p>Paragraph ${n} of the report says that the council met on Tuesday and voted on the budget for the coming year, with ${n * 3} members in favour.</p>`;

const page = `<!doctype html><html><head><title>Budget vote | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<link rel="canonical" href="https://ledger.example/budget-vote">
<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement</div>
<article>
<h1>Council passes budget</h1>
${[1, 2, 3, 4, 5, 6].map(para).join('\n')}
<figure><div class="img"></div><figcaption>The council chamber. Photo: Staff</figcaption></figure>
</article>
<aside><h3>Read more</h3><ul><li><a href="/x">Another story entirely</a></li></ul></aside>
<footer>© The Ledger</footer>
</body></html>`;

describe('extractArticle', () => {
  it('finds the article text, title, site name, canonical URL and date, and leaves the page alone', () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(page, 'text/html').documentElement.innerHTML;
    const before = document.body.innerHTML;
    const actual = extractArticle(document);
    expect(actual).not.toBeNull();
    expect(actual!.siteName).toBe('The Ledger');
    expect(actual!.canonicalUrl).toBe('https://ledger.example/budget-vote');
    expect(actual!.published).toBe('2026-03-02T09:00:00Z');
    expect(actual!.text).toContain('Paragraph 1 of the report');
    expect(actual!.text).toContain('with 18 members in favour.');
    expect(actual!.text).not.toContain('Advertisement');
    expect(actual!.text).not.toContain('Photo: Staff');
    expect(actual!.text).not.toContain('Another story entirely');
    expect(actual!.text.split('\n\n').length).toBeGreaterThanOrEqual(6);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('named elements that are part of the story', () => {
  it('keeps a drop-cap paragraph and words inside a paragraph whatever their names', () => {
    const story = `<!doctype html><html><head><title>Harbour vote | The Ledger</title></head><body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Harbour authority votes to close the old pier</h1>
<p class="has-drop-cap">The harbour authority voted 7 to 2 on Tuesday to close the old pier for repairs.</p>
<p><span class="drop-cap">E</span>ngineers found cracks in 14 of the pier's 40 supports during an inspection in March.</p>
<p>The pier <span class="click-to-tweet">will close for two years</span> from January, the authority said.</p>
<p>Repairs will cost about <span class="stat-meta">12 million</span> crowns, according to its budget.</p>
${[1, 2, 3, 4].map(para).join('\n')}
</article>
<aside class="related"><p>Another story entirely about the ferry timetable and its many changes.</p></aside>
</body></html>`;
    document.documentElement.innerHTML = new DOMParser().parseFromString(story, 'text/html').documentElement.innerHTML;
    const text = extractArticle(document)!.text;
    expect(text).toContain('The harbour authority voted 7 to 2 on Tuesday');
    expect(text).toContain('Engineers found cracks in 14');
    expect(text).toContain('The pier will close for two years from January');
    expect(text).toContain('Repairs will cost about 12 million crowns');
    expect(text).not.toContain('Another story entirely');
  });

  it('leaves out a block of other stories\' teasers named "more coverage"', () => {
    const story = `<!doctype html><html><head><title>Harbour vote | The Ledger</title></head><body>
<article>
<h1>Harbour authority votes to close the old pier</h1>
${[1, 2, 3, 4, 5, 6].map(para).join('\n')}
<section class="more-coverage"><h3><a href="/ferry">Ferry timetable to change in spring</a></h3><p>The ferry company will run fewer crossings on weekdays from March, it said on Friday.</p>
<h3><a href="/pool">Pool to close for repairs</a></h3><p>The town pool will close for two years from January for repairs, the council said.</p></section>
</article></body></html>`;
    document.documentElement.innerHTML = new DOMParser().parseFromString(story, 'text/html').documentElement.innerHTML;
    const text = extractArticle(document)!.text;
    expect(text).toContain('Paragraph 1 of the report');
    expect(text).not.toContain('ferry company will run fewer crossings');
    expect(text).not.toContain('town pool will close');
  });
});

describe('folded blocks', () => {
  it('leaves out a folded <details> block (a newsletter offer) and keeps one the page shows open', () => {
    const story = `<!doctype html><html><head><title>Harbour vote | The Ledger</title></head><body>
<article>
<h1>Harbour authority votes to close the old pier</h1>
${[1, 2, 3].map(para).join('\n')}
<details><summary>Get the morning briefing</summary><p>Sign up to receive the day's most important stories from the harbour every morning, free of charge.</p></details>
${[4, 5].map(para).join('\n')}
<details open><summary>How the vote went</summary><p>Seven members voted to close the pier and two voted against the plan on Tuesday.</p></details>
${[6].map(para).join('\n')}
</article></body></html>`;
    document.documentElement.innerHTML = new DOMParser().parseFromString(story, 'text/html').documentElement.innerHTML;
    const text = extractArticle(document)!.text;
    expect(text).toContain('Paragraph 5 of the report');
    expect(text).not.toContain('morning briefing');
    expect(text).not.toContain('Sign up to receive');
    expect(text).toContain('Seven members voted to close the pier');
  });
});

describe('a story in sections of the same kind', () => {
  const words = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `<p>The ${topic} plan ${i + 1} says the council will spend ${i + 2} million crowns on the work, officials said on Monday after the vote.</p>`).join('\n');
  const page = (sections: string) => `<!doctype html><html><head><title>Harbour plan | The Ledger</title></head><body>
<nav><a href="/">Home</a></nav>
<main>
${sections}
</main>
</body></html>`;

  it('keeps every section of one story under subheadings', () => {
    const html = page(`<div class="chunk"><h1>Harbour to close old pier</h1>${words('harbour', 8)}</div>
<div class="chunk"><h2>What happens next</h2>${words('ferry', 6)}</div>
<div class="chunk"><h2>Why it matters</h2>${words('pier', 6)}</div>`);
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const text = extractArticle(document)!.text;
    for (const topic of ['harbour', 'ferry', 'pier']) expect(text).toContain(`The ${topic} plan 1 says`);
  });

  it('leaves out the next story loaded below (its own date or address)', () => {
    const html = page(`<div class="chunk"><h1>Harbour to close old pier</h1>${words('harbour', 6)}</div>
<div class="chunk" data-url="/news/pool"><h2>Council to decide on the pool</h2><div>Johan Berg · 21 Nov 2026</div>${words('pool', 5)}</div>`);
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const text = extractArticle(document)!.text;
    expect(text).toContain('The harbour plan 1 says');
    expect(text).not.toContain('The pool plan');
  });
});

describe('extractArticleSteps', () => {
  it('reads the article in several steps and ends with the article', () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(page, 'text/html').documentElement.innerHTML;
    const steps = extractArticleSteps(document);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // The clone, the cleaning (three parts), Readability, its clean-up, and the paragraphs.
    expect(pauses).toBeGreaterThanOrEqual(6);
    // The same article the test above expects (extractArticle is these steps run to the end).
    expect(step.value?.siteName).toBe('The Ledger');
    expect(step.value?.canonicalUrl).toBe('https://ledger.example/budget-vote');
    expect(step.value?.text).toContain('Paragraph 1 of the report');
    expect(step.value?.text).toContain('with 18 members in favour.');
    expect(step.value?.text).not.toContain('Advertisement');
  });
});

describe('elementText', () => {
  it('separates blocks by blank lines and collapses whitespace', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>One\n   two&nbsp; three</p><ul><li>four</li><li>five<br>six</li></ul><script>no()</script>';
    expect(elementText(div)).toBe('One two three\n\nfour\n\nfive\n\nsix');
  });
  it('collapseSpace folds every kind of space', () => {
    expect(collapseSpace('a \t\n\u00a0b')).toBe('a b');
  });
});

describe('wordCount and hasWords', () => {
  it('answers as counting every word would, white space of every kind included', async () => {
    const pool = ['a', 'B', '7', '.', '-', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u200a', '\u200b', '\u2028', '\u2029', '\u0085', '\u180e', '\u202f', '\u205f', '\u3000', '\ufeff', 'é', '😀'];
    await forCases(400, (rng) => {
      const s = rng.repeat(rng.int(40), () => rng.pick(pool));
      const words = (s.match(/\S+/g) ?? []).length;
      expect(wordCount(s)).toBe(words);
      for (const n of [0, 1, 2, words, words + 1, 5]) expect(hasWords(s, n)).toBe(words >= n);
    });
  });
});

describe('parseInSteps', () => {
  const dir = path.join(__dirname, '../tests/extraction/pages');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const reader = (doc: Document) => new Readability<Element>(doc, { serializer: (el) => el as Element, charThreshold: 300 });

  it('runs Readability\'s own parts in steps (the library still has them)', () => {
    expect(hasParseParts(reader(load(page)))).toBe(true);
  });

  it('gives what parse() gives on every page of the layout set', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const file of pages) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      const whole = reader(load(html)).parse();
      const stepped = runToEnd(parseInSteps(reader(load(html))));
      expect({ file, title: stepped?.title, siteName: stepped?.siteName, publishedTime: stepped?.publishedTime, text: stepped?.content?.textContent })
        .toEqual({ file, title: whole?.title, siteName: whole?.siteName, publishedTime: whole?.publishedTime, text: whole?.content?.textContent });
    }
  });
});
