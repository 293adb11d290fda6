/**
 * `crosscheck stance`: reads JSON lines {"id","claim","text"} on standard input and prints
 * {"id","stance","scores":{"confirm","dispute","discuss","unrelated"}} per line, in order.
 * A line that cannot be read is reported on standard error with its line number and skipped;
 * the exit code is then 1.
 */
import { classifyStance } from '../utils/stance/index';
import { STANCES } from '../utils/types';
import type { Command } from './io';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export const run: Command = async (args, io) => {
  if (args.length) {
    io.err(`crosscheck stance: takes no arguments (got ${args.join(' ')}); it reads JSON lines {"id","claim","text"} on standard input`);
    return 2;
  }
  let bad = 0;
  let n = 0;
  for await (const line of io.lines()) {
    n++;
    if (!line.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      io.err(`crosscheck stance: line ${n}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      bad++;
      continue;
    }
    const o = item as { id?: unknown; claim?: unknown; text?: unknown };
    const problem =
      typeof item !== 'object' || item === null || Array.isArray(item)
        ? 'expected a JSON object {"id","claim","text"}'
        : !('id' in o)
          ? 'missing "id"'
          : typeof o.claim !== 'string'
            ? '"claim" must be a string'
            : typeof o.text !== 'string'
              ? '"text" must be a string'
              : null;
    if (problem) {
      io.err(`crosscheck stance: line ${n}: ${problem}`);
      bad++;
      continue;
    }
    const r = classifyStance(o.claim as string, o.text as string);
    const scores = Object.fromEntries(STANCES.map((s) => [s, round(r.scores[s])]));
    io.out(JSON.stringify({ id: o.id, stance: r.stance, scores }));
  }
  if (bad) io.err(`crosscheck stance: ${bad} line${bad === 1 ? '' : 's'} could not be read`);
  return bad ? 1 : 0;
};
