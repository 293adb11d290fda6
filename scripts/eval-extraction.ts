// Measures article extraction on the layout test pages (tests/extraction/pages): for each page,
// word-level precision, recall and F1 of the extracted text against <name>.expected.txt
// (bag of words with counts, see tests/extraction/score.ts), and the mean over pages.
// By default each page is loaded in happy-dom with its inline scripts run, as a browser tab has it
// when the content script runs (the unit test does the same); --linkedom parses it with linkedom
// instead, as the command line does (no scripts run there); --chromium loads each page in real
// headless Chromium (env CHROMIUM_PATH, else /usr/bin/chromium) and runs the extraction there.
// Run: npx tsx scripts/eval-extraction.ts [--linkedom | --chromium] [--verbose] [--show PAGE]
// (--show prints a page's extracted text; --verbose lists each page's extra and missed words)
import { parseHTML } from 'linkedom';
import { extractArticle } from '../utils/extract';
import { renderPage } from '../tests/extraction/render';
import { loadPages, score, words } from '../tests/extraction/score';

const verbose = process.argv.includes('--verbose');
const useLinkedom = process.argv.includes('--linkedom');
const useChromium = process.argv.includes('--chromium');

/** Real Chromium with utils/extract.ts bundled for the page (as the content script has it). */
async function chromiumExtractor(): Promise<{ extract: (html: string) => Promise<string>; close: () => Promise<void> }> {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const bundle = await build({
    entryPoints: [new URL('../utils/extract.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'CrosscheckExtract',
    platform: 'browser',
  });
  const code = bundle.outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  return {
    async extract(html: string) {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: code });
      return page.evaluate(() => {
        const api = (globalThis as unknown as { CrosscheckExtract: typeof import('../utils/extract') }).CrosscheckExtract;
        return api.extractArticle(document)?.text ?? '';
      });
    },
    close: () => browser.close(),
  };
}
const browserTab = useChromium ? await chromiumExtractor() : null;
const showAt = process.argv.indexOf('--show');
const show = showAt >= 0 ? process.argv[showAt + 1] : null;
const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
const rows: { name: string; p: number; r: number; f: number }[] = [];

console.log(
  `Parsed with ${useChromium ? 'headless Chromium, scripts run' : useLinkedom ? 'linkedom (no scripts run; as the command line)' : 'happy-dom, inline scripts run (as a browser tab)'}`,
);
console.log(`${'page'.padEnd(28)} precision  recall      F1`);
for (const page of loadPages()) {
  let text: string;
  if (browserTab) {
    text = await browserTab.extract(page.html);
  } else if (useLinkedom) {
    text = extractArticle(parseHTML(page.html).document as unknown as Document)?.text ?? '';
  } else {
    const { document, close } = await renderPage(page.html);
    text = extractArticle(document)?.text ?? '';
    await close();
  }
  if (show === page.name) console.log(`--- ${page.name}: extracted text ---\n${text}\n---`);
  const s = score(text, page.expected);
  rows.push({ name: page.name, p: s.precision, r: s.recall, f: s.f1 });
  console.log(`${page.name.padEnd(28)} ${pct(s.precision)}%  ${pct(s.recall)}%  ${pct(s.f1)}%`);
  if (verbose && (s.extra || s.missed)) {
    const want = new Map<string, number>();
    for (const w of words(page.expected)) want.set(w, (want.get(w) ?? 0) + 1);
    const extra: string[] = [];
    for (const w of words(text)) {
      const n = want.get(w) ?? 0;
      if (n > 0) want.set(w, n - 1);
      else extra.push(w);
    }
    const missed = [...want].flatMap(([w, n]) => Array<string>(n).fill(w));
    if (extra.length) console.log(`    extra (${extra.length}): ${extra.slice(0, 60).join(' ')}`);
    if (missed.length) console.log(`    missed (${missed.length}): ${missed.slice(0, 60).join(' ')}`);
  }
}
const mean = (k: 'p' | 'r' | 'f') => rows.reduce((a, x) => a + x[k], 0) / (rows.length || 1);
console.log(`${'mean'.padEnd(28)} ${pct(mean('p'))}%  ${pct(mean('r'))}%  ${pct(mean('f'))}%   (${rows.length} pages)`);
await browserTab?.close();
