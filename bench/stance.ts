/**
 * Stance benchmark: pairs per second for sentence-length and article-length evidence, in Node and
 * in a Chromium page (the same workload, bench/stance-rates.ts, bundled for the browser).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stanceRates } from './stance-rates';

function report(where: string, r: { sentence: number; article: number }) {
  console.log(`stance (${where}): sentence evidence ${Math.round(r.sentence).toLocaleString('en-US')} pairs/s (${(1000 / r.sentence).toFixed(3)} ms/pair)`);
  console.log(`stance (${where}): article evidence (~550 words) ${Math.round(r.article).toLocaleString('en-US')} pairs/s (${(1000 / r.article).toFixed(3)} ms/pair)`);
}

export async function benchStance(): Promise<void> {
  report('Node', stanceRates());
  // The same measurement in a Chromium page, with the stance code bundled for the browser.
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const { chromiumPath } = await import('../e2e/harness');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = await build({
    stdin: { contents: `import { stanceRates } from './stance-rates';\n(globalThis as any).__stanceRates = stanceRates;`, resolveDir: here, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>stance bench</title>');
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
    const rates = (await page.evaluate(() => (globalThis as unknown as { __stanceRates: () => { sentence: number; article: number } }).__stanceRates())) as {
      sentence: number;
      article: number;
    };
    report('Chromium', rates);
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('stance.ts')) void benchStance();
