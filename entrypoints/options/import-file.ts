import { parseJsonLines } from '@/utils/import/jsonl';
import { parseCsvArticles } from '@/utils/import/csv';
import { toBackground } from '@/utils/extension/messages';
import type { CorpusArticle } from '@/utils/types';

/** Articles sent to the background per batch; each batch is stored all or nothing. */
const BATCH_ARTICLES = 200;
/** A batch is also cut when its text reaches this many characters. */
const BATCH_CHARS = 4_000_000;

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  added: number;
  duplicates: number;
  copies: number;
  /** Line-numbered problems; those lines were skipped. */
  errors: { line: number; error: string }[];
}

/**
 * Imports a JSON Lines or CSV file of articles: read as a stream (memory does not grow with the
 * file), parsed line by line, stored in batches. A bad line is reported and skipped; a batch the
 * background cannot store stops the import with the reason, keeping the batches already stored.
 */
export async function importFile(
  file: File,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportProgress & { stopped?: string }> {
  const progress: ImportProgress = { bytesRead: 0, totalBytes: file.size, added: 0, duplicates: 0, copies: 0, errors: [] };
  const chunks = countBytes(file.stream(), (n) => (progress.bytesRead += n));
  const records = /\.csv$/i.test(file.name) ? parseCsvArticles(chunks) : parseJsonLines(chunks);
  let batch: CorpusArticle[] = [];
  let batchChars = 0;

  const flush = async (): Promise<string | null> => {
    if (batch.length === 0) return null;
    const answer = await toBackground('importBatch', { articles: batch });
    batch = [];
    batchChars = 0;
    if (!answer.ok) return answer.error;
    progress.added += answer.value.added;
    progress.duplicates += answer.value.duplicates;
    progress.copies += answer.value.copies;
    onProgress({ ...progress });
    return null;
  };

  for await (const record of records) {
    if (signal?.aborted) return { ...progress, stopped: 'Import cancelled; the articles stored so far were kept.' };
    if ('error' in record) {
      progress.errors.push({ line: record.line, error: record.error });
      continue;
    }
    batch.push(record.article);
    batchChars += record.article.text.length;
    if (batch.length >= BATCH_ARTICLES || batchChars >= BATCH_CHARS) {
      const failed = await flush();
      if (failed) return { ...progress, stopped: `Import stopped: ${failed}` };
    }
  }
  const failed = await flush();
  if (failed) return { ...progress, stopped: `Import stopped: ${failed}` };
  progress.bytesRead = progress.totalBytes;
  onProgress({ ...progress });
  return progress;
}

async function* countBytes(stream: ReadableStream<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes(value.byteLength);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Exports the whole corpus as JSON Lines, page by page, into a Blob. */
export async function exportCorpus(serialize: (articles: CorpusArticle[]) => string[]): Promise<Blob> {
  const parts: string[] = [];
  let afterId = 0;
  for (;;) {
    const answer = await toBackground('exportPage', { afterId, limit: 500 });
    if (!answer.ok) throw new Error(answer.error);
    for (const line of serialize(answer.value.articles)) parts.push(line + '\n');
    if (answer.value.lastId === null) break;
    afterId = answer.value.lastId;
  }
  return new Blob(parts, { type: 'application/x-ndjson' });
}
