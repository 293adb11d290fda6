/**
 * Reads a corpus file in the product's JSON Lines article format for the command line:
 * `{"url", "outlet"?, "title"?, "published"?, "text"?, "html"?}` per line, streamed and checked by
 * the same importer the extension uses (utils/import/jsonl.ts). Articles get ids in line order
 * (id = line number − 1, so blank or skipped lines leave gaps); a line that cannot be used is
 * reported with its number and skipped; a file that cannot be read is an error.
 */
import { open } from 'node:fs/promises';
import { parseJsonLines } from '../utils/import/jsonl';
import type { StoredArticle } from '../utils/search/retriever';

function describeOpenError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Loads a JSON Lines corpus file. Bad lines are reported through `err` as `FILE:LINE: reason` and
 * skipped. Throws an Error naming the file when it cannot be read.
 */
export async function loadCorpusFile(path: string, err: (msg: string) => void = () => {}): Promise<StoredArticle[]> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new Error(`cannot read corpus file ${path}: ${describeOpenError(e)}`);
  }
  const articles: StoredArticle[] = [];
  try {
    const stream = handle.createReadStream({ autoClose: false });
    for await (const record of parseJsonLines(stream as AsyncIterable<Uint8Array>)) {
      if ('error' in record) err(`${path}:${record.line}: ${record.error}; line skipped`);
      else articles.push({ ...record.article, id: record.line - 1 });
    }
  } catch (e) {
    throw new Error(`cannot read corpus file ${path}: ${describeOpenError(e)}`);
  } finally {
    await handle.close().catch(() => {});
  }
  return articles;
}
