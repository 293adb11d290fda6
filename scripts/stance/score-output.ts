/**
 * Scores the stance command's output against the expected stances:
 *
 *   npx tsx scripts/stance/pairs.ts 10346 --gold > /tmp/gold.jsonl
 *   npm run --silent crosscheck -- stance < /tmp/gold.jsonl > /tmp/out.jsonl
 *   npx tsx scripts/stance/score-output.ts /tmp/gold.jsonl /tmp/out.jsonl
 */
import { readFileSync } from 'node:fs';
import type { Stance } from '../../utils/types';
import { printReport, score } from './evaluate';

const [goldFile, outFile] = process.argv.slice(2);
const gold = new Map<string, Stance>();
for (const line of readFileSync(goldFile, 'utf8').split('\n')) if (line.trim()) {
  const o = JSON.parse(line) as { id: number | string; gold: Stance };
  gold.set(String(o.id), o.gold);
}
const g: Stance[] = [];
const p: Stance[] = [];
for (const line of readFileSync(outFile, 'utf8').split('\n')) if (line.trim()) {
  const o = JSON.parse(line) as { id: number | string; stance: Stance };
  const want = gold.get(String(o.id));
  if (want) {
    g.push(want);
    p.push(o.stance);
  }
}
printReport(`stance command output (${g.length} pairs with a gold stance)`, score(g, p));
