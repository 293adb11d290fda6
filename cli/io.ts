import { createInterface } from 'node:readline';

/** What a command needs from the process; tests pass their own. */
export interface CliIo {
  /** Standard input, line by line. */
  lines(): AsyncIterable<string>;
  /** Writes one line to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
}

/** A command: takes its arguments (after the command name), returns the exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** The real process's standard streams. */
export const processIo: CliIo = {
  lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Parses `--name value` and `--flag` options; the rest are positional. */
export function parseArgs(args: string[], valued: readonly string[]): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (valued.includes(name)) {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
        options[name] = value;
        i++;
      } else options[name] = true;
    } else positional.push(a);
  }
  return { options, positional };
}

/** A mistake in how the command was called; printed with the usage line. */
export class UsageError extends Error {}

/**
 * Reads JSON object lines from standard input, each with a string in every one of `fields` and an
 * optional `"id"` (null when absent), and hands them to `handle` in order. A line that is not such
 * an object is reported on standard error as `crosscheck COMMAND: line N: …` and skipped; blank
 * lines are skipped silently. Returns how many lines were skipped as unreadable.
 */
export async function forEachJsonLine<F extends string>(
  io: CliIo,
  command: string,
  fields: readonly F[],
  handle: (item: { id: unknown } & Record<F, string>) => void | Promise<void>,
): Promise<number> {
  const shape = `{${['id', ...fields].map((f) => `"${f}"`).join(',')}}`;
  let bad = 0;
  let n = 0;
  for await (const line of io.lines()) {
    n++;
    if (!line.trim()) continue;
    let problem: string | null = null;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problem = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    const o = value as Record<string, unknown>;
    if (!problem && (typeof value !== 'object' || value === null || Array.isArray(value))) problem = `expected a JSON object ${shape}`;
    for (const f of fields) if (!problem && typeof o[f] !== 'string') problem = `"${f}" must be a string`;
    if (problem) {
      io.err(`crosscheck ${command}: line ${n}: ${problem}; line skipped`);
      bad++;
      continue;
    }
    await handle({ ...(o as Record<F, string>), id: o.id ?? null });
  }
  if (bad) io.err(`crosscheck ${command}: ${bad} line${bad === 1 ? '' : 's'} could not be read`);
  return bad;
}
