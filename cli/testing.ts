// Helpers for the command-line tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './io';

/** Three articles for the command-line tests: a claim, a denial of it, and an unrelated story. */
export const MARINKA_CORPUS = [
  { url: 'https://ledger.example/a', outlet: 'Ledger', title: 'Army takes Marinka', published: '2026-03-01', text: 'The army took control of the eastern city of Marinka on Tuesday after a week of fighting, the defence ministry said. Soldiers raised the flag over the town hall.' },
  { url: 'https://radio.example/b', outlet: 'Radio Free North', title: 'Fighters deny losing Marinka', published: '2026-03-02', text: 'Resistance fighters denied that the army had taken control of the eastern city of Marinka, saying they still held the town centre on Wednesday.' },
  { url: 'https://sport.example/c', outlet: 'Sport Daily', title: 'Cup final', published: '2026-03-02', text: 'Rovers won the cup final 2-1 on Saturday in front of 40,000 fans.' },
];

/** A new temporary folder holding `corpus.jsonl` with MARINKA_CORPUS, then any `extraLines` as they are. */
export function writeMarinkaCorpus(prefix: string, extraLines: string[] = []): { dir: string; corpus: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, [...MARINKA_CORPUS.map((a) => JSON.stringify(a)), ...extraLines].join('\n') + '\n');
  return { dir, corpus };
}

/** An io on memory: `input` as standard input, and what the command writes collected in `out` and `err`. */
export function memoryIo(input: readonly string[] = []): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    lines: async function* () {
      yield* input;
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  return { io, out, err };
}
