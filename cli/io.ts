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
