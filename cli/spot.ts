import { forEachJsonLine, parseArgs, UsageError, type Command } from './io';
import { readPageText } from './page-text';
import { scoreSentence, spotClaims } from '../utils/spot';

/**
 * `spot PAGE`: one JSON line per check-worthy claim of the page, {"text","start","end","score"},
 * with offsets into the extracted article text (a .txt page is taken as it is).
 * `spot --sentences`: reads JSON lines {"id","text"} on standard input and prints {"id","score"}
 * for each (higher = more check-worthy), so any labelled sentence set can be scored.
 * `--sensitivity N` (0..1, default 0.5) sets how many claims PAGE gives (0 = fewest, 1 = most).
 */
export const run: Command = async (args, io) => {
  const { options, positional } = parseArgs(args, ['sensitivity']);
  for (const name of Object.keys(options)) {
    if (name !== 'sentences' && name !== 'sensitivity') throw new UsageError(`spot: unknown option --${name}`);
  }
  if (options.sentences) {
    if (positional.length) throw new UsageError('spot --sentences reads standard input and takes no PAGE');
    return scoreLines(io);
  }
  if (positional.length !== 1) throw new UsageError('spot needs exactly one PAGE (.html or .txt), or --sentences');
  const page = positional[0];
  if (!/\.(html?|txt)$/i.test(page)) throw new UsageError(`PAGE must be an .html or .txt file: ${page}`);
  let sensitivity: number | undefined;
  if (options.sensitivity !== undefined) {
    sensitivity = Number(options.sensitivity);
    if (!(sensitivity >= 0 && sensitivity <= 1)) throw new UsageError('--sensitivity takes a number from 0 to 1');
  }
  const { text } = await readPageText(page);
  for (const c of spotClaims(text, { sensitivity })) {
    io.out(JSON.stringify({ text: c.text, start: c.start, end: c.end, score: round(c.score) }));
  }
  return 0;
};

async function scoreLines(io: Parameters<Command>[1]): Promise<number> {
  const bad = await forEachJsonLine(io, 'spot', ['text'], (item) => {
    io.out(JSON.stringify({ id: item.id, score: round(scoreSentence(item.text)) }));
  });
  return bad ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
