// Writes a news evaluation set (corpus.jsonl, pages/*.html, expected/*.json) from its stories:
// shared by the held-out sets' build scripts (datasets/news-heldout*/build.mjs), whose stories
// are their own. See datasets/news-heldout/README.md for the layout.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Straight apostrophes as typeset ones, as the pages print them. */
export const curly = (s) => s.replace(/'/g, '’');

const slugOf = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One reader's page and its expected claims, verdicts and stances. */
function writePage(dir, p) {
  const url = `https://${p.domain}/news/${p.slug}`;
  const body = p.paragraphs
    .map((para, i) => {
      const text = para
        .map((t) => t.replace(/\{(\d+)\}/, (_, n) => p.claims[n][0]).replace(/\[(\d+)\]/, (_, n) => p.notClaims[n]))
        .map(curly)
        .join(' ');
      return `      <p>${i === 0 ? esc(p.dateline) : ''}${esc(text)}</p>`;
    })
    .join('\n');
  const day = new Date(p.date).toUTCString().slice(0, 16);
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(p.headline)} | ${esc(p.outlet)}</title>
<meta property="og:site_name" content="${esc(p.outlet)}">
<meta property="og:type" content="article">
<meta property="og:url" content="${url}">
<meta property="article:published_time" content="${p.date}">
<link rel="canonical" href="${url}">
<style>body{font-family:Georgia,serif;margin:0;color:#222}header,footer{background:#1d2a3a;color:#fff;padding:12px 24px}main{display:flex;gap:32px;max-width:1100px;margin:0 auto;padding:24px}article{flex:1}aside{width:280px;font-family:sans-serif;font-size:14px}</style>
</head>
<body>
<header><a href="/" style="color:#fff">${esc(p.outlet)}</a>
  <nav><a href="/news">News</a> · <a href="/business">Business</a> · <a href="/world">World</a> · <a href="/opinion">Opinion</a></nav>
</header>
<div class="breaking">Live: markets, weather and traffic updates through the day</div>
<main>
  <article>
    <h1>${esc(p.headline)}</h1>
    <p class="standfirst">${esc(p.standfirst)}</p>
    <p class="byline">By Staff Reporter · <time datetime="${p.date}">${day}</time></p>
    <figure><div role="img" aria-label="Photograph" style="height:240px;background:#ccd"></div><figcaption>Photograph: ${esc(p.outlet)}</figcaption></figure>
    <div class="body">
${body}
    </div>
  </article>
  <aside>
    <div class="ad">Advertisement</div>
    <h3>Most read</h3>
    <ul><li><a href="/a">Ten walks for the autumn</a></li><li><a href="/b">The best bakeries in the north</a></li><li><a href="/c">Your questions on pensions answered</a></li></ul>
    <div class="newsletter">Sign up for our morning briefing. <button>Subscribe</button></div>
  </aside>
</main>
<section class="comments"><h3>Comments (3)</h3><p>Reader1: Finally some good reporting.</p><p>Reader2: I do not agree with any of this.</p></section>
<footer>© 2026 ${esc(p.outlet)} · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
</body>
</html>
`;
  writeFileSync(path.join(dir, 'pages', `${p.slug}.html`), html);
  const expected = {
    outlet: p.outlet,
    syndicated: p.syndicated ?? {},
    claims: p.claims.map(([text, verdict, stances]) => ({ text: curly(text), verdict, stances })),
    notClaims: p.notClaims.map(curly),
  };
  writeFileSync(path.join(dir, 'expected', `${p.slug}.json`), JSON.stringify(expected, null, 2) + '\n');
}

/**
 * Writes the set into `dir`. `corpus`: [outlet, published, title, text] per article, its address
 * made from `domains[outlet]`. `pages`: each page's slug, outlet, domain, date, headline,
 * standfirst, dateline, paragraphs (arrays of sentences, a claim written `{n}` and a not-claim
 * `[n]`), claims ([sentence, verdict, stances]), not-claims and, if any corpus article is a
 * syndicated copy, `syndicated` (copy's outlet → original's outlet).
 */
export function writeNewsSet(dir, { domains, corpus, pages }) {
  const lines = corpus.map(([outlet, published, title, text]) =>
    JSON.stringify({ url: `https://${domains[outlet]}/news/${published.slice(0, 10).replace(/-/g, '/')}/${slugOf(title)}`, outlet, title, published, text }),
  );
  writeFileSync(path.join(dir, 'corpus.jsonl'), lines.join('\n') + '\n');
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  mkdirSync(path.join(dir, 'expected'), { recursive: true });
  for (const p of pages) writePage(dir, p);
}
