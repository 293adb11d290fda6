import { processIo, UsageError, type Command } from './io';

const USAGE = `usage: npm run --silent crosscheck -- <command> [options]
commands:
  check --corpus FILE.jsonl PAGE   cross-check the claims of PAGE (.html or .txt)
  spot PAGE | spot --sentences     check-worthy claims of PAGE, or scores for JSON lines on stdin
  search --corpus FILE.jsonl --k N evidence for JSON lines {"id","text"} on stdin
  stance                           stance for JSON lines {"id","claim","text"} on stdin`;

/** Each command lives in its own module, loaded only when asked for. */
const commands: Record<string, () => Promise<{ run: Command }>> = {
  check: () => import('./check'),
  spot: () => import('./spot'),
  search: () => import('./search'),
  stance: () => import('./stance'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? processIo.out : processIo.err)(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    processIo.err(`crosscheck: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    const { run } = await load();
    return await run(args, processIo);
  } catch (error) {
    if (error instanceof UsageError) {
      processIo.err(`crosscheck ${name}: ${error.message}\n${USAGE}`);
      return 2;
    }
    processIo.err(`crosscheck ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
