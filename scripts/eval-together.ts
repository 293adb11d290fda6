// Measures the eval sets' pages against all their corpora in one store, as a reader who imported
// them all has: verdicts and labelled stances right, and sides taken by outlets that are not in a
// claim's labels (articles about other events that the story check let through).
// Run: npx tsx scripts/eval-together.ts [DIR ...]   (default: demo and the held-out sets)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpusFile } from '../cli/corpus-file';
import { checkAgainst, readPage } from '../cli/check';
import { outletFromUrl } from '../utils/url';

const ROOT = path.resolve(import.meta.dirname, '..');
const given = process.argv.slice(2);
const sets = given.length
  ? given.map((d) => path.resolve(d))
  : [path.join(ROOT, 'demo'), ...readdirSync(path.join(ROOT, 'datasets')).filter((d) => d.startsWith('news-heldout')).map((d) => path.join(ROOT, 'datasets', d))];
const all: Awaited<ReturnType<typeof loadCorpusFile>> = [];
for (const set of sets) for (const a of await loadCorpusFile(path.join(set, 'corpus.jsonl'))) all.push({ ...a, id: all.length });

const norm = (t: string) => t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
let verdicts = 0;
let claims = 0;
let stances = 0;
let unlabelled = 0;
for (const set of sets) {
  for (const file of readdirSync(path.join(set, 'expected')).filter((f) => f.endsWith('.json'))) {
    const slug = file.replace(/\.json$/, '');
    if (existsSync(path.join(set, 'import', `${slug}.jsonl`))) continue; // needs its own import first
    const expected = JSON.parse(readFileSync(path.join(set, 'expected', file), 'utf8'));
    const page = await readPage(path.join(set, 'pages', `${slug}.html`));
    const outlet = page.siteName ?? (page.url ? outletFromUrl(page.url) : null);
    const checked = await checkAgainst(all, page.text, { url: page.url, outlet });
    for (const exp of expected.claims) {
      const c = checked.find((c) => norm(c.text).includes(norm(exp.text)) || norm(exp.text).includes(norm(c.text)));
      if (!c) continue;
      claims++;
      if (c.verdict === exp.verdict) verdicts++;
      for (const [name, stance] of Object.entries(exp.stances)) if (c.outlets.find((o) => o.outlet === name)?.stance === stance) stances++;
      for (const o of c.outlets) {
        if ((o.stance === 'confirm' || o.stance === 'dispute') && !o.sameOutlet && !o.copyOf && !(o.outlet in exp.stances)) unlabelled++;
      }
    }
  }
}
console.log(`${sets.length} sets' corpora together (${all.length} articles): verdicts right ${verdicts} of ${claims} scored claims, labelled stances right ${stances}, sides by outlets not in the labels ${unlabelled}`);
