/**
 * `npm run bench [-- <section> [section options]]`: runs every benchmark section that exists, or
 * the one named. Sections: corpus (bench/corpus, real Chromium), stance, spot, search-node,
 * page (the content script's cost on a 10,000-word article, real Chromium).
 *
 *   npm run bench                                  every section, default sizes
 *   npm run bench -- corpus --sizes 10000,50000    one section, with its options
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Section name → its module (relative to bench/) and how to run it with the remaining arguments. */
const SECTIONS: Record<string, { file: string; run: (mod: Record<string, unknown>, args: string[]) => Promise<unknown> }> = {
  corpus: {
    file: 'corpus/index.ts',
    run: (m, args) => (m.benchCorpus as (o: unknown) => Promise<void>)((m.parseCorpusArgs as (a: string[]) => unknown)(args)),
  },
  stance: { file: 'stance.ts', run: (m) => (m.benchStance as () => Promise<void>)() },
  spot: { file: 'spot.ts', run: (m) => (m.benchSpot as () => Promise<void>)() },
  'search-node': { file: 'search-node.ts', run: (m) => (m.benchSearchNode as () => Promise<void>)() },
  page: { file: 'page.ts', run: (m) => (m.benchPage as () => Promise<void>)() },
};

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  const named = first && !first.startsWith('-') ? first : null;
  if (named && !SECTIONS[named]) throw new Error(`unknown bench section "${named}"; sections: ${Object.keys(SECTIONS).join(', ')}`);
  const chosen = named ? [named] : Object.keys(SECTIONS);
  const args = named ? rest : argv;
  for (const name of chosen) {
    const section = SECTIONS[name];
    const file = path.join(HERE, section.file);
    if (!existsSync(file)) {
      console.log(`(bench section ${name}: ${section.file} does not exist yet; skipped)`);
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    console.log(`\n# bench: ${name}`);
    await section.run(mod, name === 'corpus' ? args : []);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
