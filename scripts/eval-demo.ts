// Measures the whole pipeline on the demo pages against their expected claims, verdicts and
// stances (demo/expected/*.json): claims found vs expected, verdicts and stances right vs wrong.
// `--set DIR` measures another set laid out the same way (DIR/pages/*.html, DIR/expected/*.json,
// DIR/corpus.jsonl, optional DIR/import/*.jsonl), e.g. datasets/news-heldout.
// Run: npx tsx scripts/eval-demo.ts [--set DIR] [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpusFile } from '../cli/corpus-file';
import { checkAgainst, readPage } from '../cli/check';
import { outletFromUrl } from '../utils/url';

interface Expected {
  outlet: string;
  claims: { text: string; verdict: string; stances: Record<string, string> }[];
  notClaims: string[];
}

const verbose = process.argv.includes('--verbose');
const setAt = process.argv.indexOf('--set');
const setArg = setAt >= 0 ? process.argv[setAt + 1] : undefined;
if (setAt >= 0 && !setArg) throw new Error('--set needs a folder');
const root = setArg ? path.resolve(setArg) : path.resolve(import.meta.dirname, '../demo');
const norm = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const overlaps = (a: string, b: string) => norm(a).includes(norm(b)) || norm(b).includes(norm(a));

const baseCorpus = await loadCorpusFile(path.join(root, 'corpus.jsonl'));
const totals = { expected: 0, found: 0, spotted: 0, notClaims: 0, notClaimsFlagged: 0, verdictRight: 0, verdictWrong: 0, stanceRight: 0, stanceWrong: 0 };
const confusion: Record<string, Record<string, number>> = {};

for (const file of readdirSync(path.join(root, 'expected')).filter((f) => f.endsWith('.json')).sort()) {
  const slug = file.replace(/\.json$/, '');
  const expected = JSON.parse(readFileSync(path.join(root, 'expected', file), 'utf8')) as Expected;
  const importFile = path.join(root, 'import', `${slug}.jsonl`);
  const extra = existsSync(importFile) ? await loadCorpusFile(importFile) : [];
  const corpus = [...baseCorpus, ...extra.map((a, i) => ({ ...a, id: baseCorpus.length + i }))];
  const page = await readPage(path.join(root, 'pages', `${slug}.html`));
  const outlet = page.siteName ?? (page.url ? outletFromUrl(page.url) : null);
  const claims = await checkAgainst(corpus, page.text, { url: page.url, outlet });
  const row = { expected: expected.claims.length, found: 0, spotted: claims.length, flagged: 0, verdictRight: 0, stanceRight: 0, stanceTotal: 0 };
  for (const exp of expected.claims) {
    const got = claims.find((c) => overlaps(c.text, exp.text));
    if (!got) {
      if (verbose) console.log(`  MISSED  ${exp.text}`);
      continue;
    }
    row.found++;
    if (got.verdict === exp.verdict) row.verdictRight++;
    else if (verbose) console.log(`  VERDICT ${got.verdict} (expected ${exp.verdict}): ${exp.text}`);
    for (const [o, stance] of Object.entries(exp.stances)) {
      const finding = got.outlets.find((f) => f.outlet === o || f.copies.includes(o));
      const actual = finding ? (finding.copies.includes(o) ? finding.stance : finding.stance) : 'none';
      confusion[stance] ??= {};
      confusion[stance][actual] = (confusion[stance][actual] ?? 0) + 1;
      row.stanceTotal++;
      if (actual === stance) row.stanceRight++;
      else if (verbose) {
        console.log(`  STANCE  ${o}: ${actual} (expected ${stance}) on: ${exp.text.slice(0, 70)}`);
        if (finding) console.log(`          read: ${finding.evidence.slice(0, 300)}`);
      }
    }
  }
  for (const nc of expected.notClaims) if (claims.some((c) => overlaps(c.text, nc))) row.flagged++;
  console.log(
    `${slug.padEnd(22)} claims found ${row.found}/${row.expected} (spotted ${row.spotted} in all), not-claims flagged ${row.flagged}/${expected.notClaims.length}, ` +
      `verdicts right ${row.verdictRight}/${row.found}, stances right ${row.stanceRight}/${row.stanceTotal}`,
  );
  totals.expected += row.expected;
  totals.found += row.found;
  totals.spotted += row.spotted;
  totals.notClaims += expected.notClaims.length;
  totals.notClaimsFlagged += row.flagged;
  totals.verdictRight += row.verdictRight;
  totals.verdictWrong += row.found - row.verdictRight;
  totals.stanceRight += row.stanceRight;
  totals.stanceWrong += row.stanceTotal - row.stanceRight;
}
console.log(
  `\nALL: expected claims found ${totals.found}/${totals.expected}; claims spotted ${totals.spotted}; labelled not-claims flagged ${totals.notClaimsFlagged}/${totals.notClaims}; ` +
    `verdicts right ${totals.verdictRight}, wrong ${totals.verdictWrong}; outlet stances right ${totals.stanceRight}, wrong ${totals.stanceWrong}`,
);
console.log('stance confusion (expected → what the pipeline showed):');
for (const [exp, row] of Object.entries(confusion)) console.log(`  ${exp.padEnd(8)} ${JSON.stringify(row)}`);
