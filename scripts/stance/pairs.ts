/**
 * Writes FNC-1 development-split pairs as the stance command's input, JSON lines
 * {"id","claim","text"} (the text is the whole article), cycling through the split until N lines.
 * Used to time the command:
 *
 *   npx tsx scripts/stance/pairs.ts 25000 > /tmp/pairs.jsonl
 *   time npm run --silent crosscheck -- stance < /tmp/pairs.jsonl > /tmp/out.jsonl
 *
 * With --gold the expected stance is added as "gold", for scripts/stance/score-output.ts.
 */
import { loadFncOrExit, splitByBody, splitByStory } from './data';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 25000);
const data = loadFncOrExit();
const { dev } = args.includes('--story') ? splitByStory(data) : splitByBody(data);
const gold = args.includes('--gold');
const lines: string[] = [];
for (let i = 0; i < n; i++) {
  const p = dev[i % dev.length];
  lines.push(JSON.stringify({ id: i + 1, claim: p.headline, text: data.bodies.get(p.bodyId) ?? '', ...(gold ? { gold: p.stance } : {}) }));
}
process.stdout.write(lines.join('\n') + '\n');
