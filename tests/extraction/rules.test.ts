// @vitest-environment happy-dom
// The cleaning rules of extractArticle on small pages: what they drop, and the story text they
// must keep although it looks a little like what they drop.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract';

const story = [
  'The regional council voted on Tuesday to close the Harbour Road swimming pool for two years while its roof is replaced, at a cost of 48 million crowns.',
  'The pool, opened in 1971, has a leaking roof and a heating system that breaks down several times a winter, according to a report by the council’s engineers.',
  'Swimming clubs asked the council to keep the pool open until a temporary pool is in place. The council said a temporary pool would cost about 9 million crowns to rent.',
  'The council’s leisure department expects the pool to reopen in the spring of 2029, if the work starts on time next year.',
];

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Pool to close for repairs | The Test Post</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>${body}<footer>The Test Post</footer></body></html>`,
    'text/html',
  );
}
const ps = (xs: string[]) => xs.map((x) => `<p>${x}</p>`).join('\n');

describe('extractArticle cleaning', () => {
  it('drops the headline, byline, read-more lines, captions and labels', () => {
    const doc = page(`<article><h1>Pool to close for repairs</h1><p>By Ann Lee, Staff Writer</p>
${ps(story.slice(0, 2))}
<p>Read more: <a href="/x">Council budget approved</a></p>
<div class="media">${'<img src="data:,">'}<div>The Harbour Road pool in 2024. Photo: Ben Ross</div></div>
<div>Advertisement</div>
${ps(story.slice(2))}</article>`);
    const text = extractArticle(doc)!.text;
    expect(text.split('\n\n')).toEqual(story);
  });

  it('keeps story paragraphs that begin like a byline, a label or a date', () => {
    const tricky = [
      'By March, the council said, the pool’s heating had failed eleven times, and the clubs had cancelled 40 training sessions.',
      'By the end of the year the council expects to have chosen a builder.',
      'Watch out for the new timetable: the council says evening sessions at the Kelby pool will be extended from January.',
      'Friday 20 November was the last day swimmers could use the old pool.',
      'Updated figures are due in March.',
    ];
    const doc = page(`<article><h1>Pool to close for repairs</h1>${ps(story)}${ps(tricky)}</article>`);
    const text = extractArticle(doc)!.text;
    for (const t of tricky) expect(text).toContain(t);
  });

  it('keeps a story body whose container has a paywall or share-tools class', () => {
    const doc = page(`<div class="story"><h1>Pool to close for repairs</h1>
<section class="story-body js-paywall">${ps(story)}</section>
<div class="share-tools"><a href="#">Share</a></div></div>`);
    expect(extractArticle(doc)!.text.split('\n\n')).toEqual(story);
  });

  it('reads the page again without the cleaning when the cleaning leaves too little', () => {
    // a photo story whose text is all in a block named like a gallery
    const doc = page(`<div class="gallery-story"><h1>Pool to close for repairs</h1>${ps(story)}</div>
<div class="sidebar">${ps(['Other news one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.'.repeat(6)])}</div>`);
    const text = extractArticle(doc)!.text;
    for (const t of story) expect(text).toContain(t);
  });

  it('drops a pull quote that repeats a sentence of the story', () => {
    const quoted = 'Coach Ida Berg said: “We will train in Kelby, and we will be back stronger,” adding that the club had 300 members.';
    const doc = page(`<article><h1>Pool to close for repairs</h1>${ps(story)}<p>${quoted}</p>
<blockquote class="pq"><p>“We will train in Kelby, and we will be back stronger.”</p></blockquote></article>`);
    const text = extractArticle(doc)!.text;
    expect(text).toContain(quoted);
    expect(text.split('\n\n')).toHaveLength(story.length + 1);
  });

  it('keeps a fact box inside the story, drops a "See also" list with its label', () => {
    const facts = 'June 30: contract signed · September: warning sent · November 3: the minister resigns';
    const doc = page(`<article><h1>Pool to close for repairs</h1>${ps(story)}
<div class="factbox"><h3>Timeline</h3>${facts}</div>
<div class="see-more"><strong>See also</strong><ul><li><a href="/a">Council budget approved</a></li><li><a href="/b">Kelby pool extends hours</a></li></ul></div></article>`);
    const text = extractArticle(doc)!.text;
    expect(text).toContain(facts);
    expect(text).not.toContain('See also');
    expect(text).not.toContain('Council budget approved');
  });

  it('leaves the live page as it was', () => {
    const doc = page(`<article><h1>Pool to close for repairs</h1><div class="related">x</div>${ps(story)}</article>`);
    const before = doc.body.innerHTML;
    extractArticle(doc);
    expect(doc.body.innerHTML).toBe(before);
  });
});
