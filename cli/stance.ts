/**
 * `crosscheck stance`: reads JSON lines {"id","claim","text"} on standard input and prints
 * {"id","stance","scores":{"confirm","dispute","discuss","unrelated"}} per line, in order.
 * A line that cannot be read is reported on standard error with its line number and skipped;
 * the exit code is then 1. A line without an id is answered with id null.
 */
import { classifyStance } from '../utils/stance/index';
import { STANCES } from '../utils/types';
import { forEachJsonLine, type Command } from './io';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export const run: Command = async (args, io) => {
  if (args.length) {
    io.err(`crosscheck stance: takes no arguments (got ${args.join(' ')}); it reads JSON lines {"id","claim","text"} on standard input`);
    return 2;
  }
  const bad = await forEachJsonLine(io, 'stance', ['claim', 'text'], (item) => {
    const r = classifyStance(item.claim, item.text);
    const scores = Object.fromEntries(STANCES.map((s) => [s, round(r.scores[s])]));
    io.out(JSON.stringify({ id: item.id, stance: r.stance, scores }));
  });
  return bad ? 1 : 0;
};
