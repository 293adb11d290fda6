import { parseJsonLines } from '@/utils/import/jsonl';
import { parseCsvArticles } from '@/utils/import/csv';
import { LIMITS } from '@/utils/extension/message-checks';
import { toBackground, type ImportBatchResult, type ImportCheckpoint, type ImportState, type Result } from '@/utils/extension/messages';
import { isDiskFullMessage } from '@/utils/extension/storage-errors';
import type { CorpusArticle } from '@/utils/types';
import { counted } from '@/utils/plural';

/**
 * Articles sent to the background per batch; each batch is stored all or nothing, with the
 * import's checkpoint. 500 keeps a message under ~2 MB for news-length articles and the number of
 * transactions low; larger batches were no faster in IndexedDB.
 */
const BATCH_ARTICLES = 500;
/** A batch is also cut when its text reaches this many characters. */
const BATCH_CHARS = 4_000_000;

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  added: number;
  /** Articles skipped as already stored (in the corpus before, or repeated within the file). */
  duplicates: number;
  /** Of the duplicates, those repeating a URL met earlier in the file. */
  repeated: number;
  copies: number;
  /**
   * Line-numbered problems; those lines were skipped. After a resume, only the first 200 from
   * before it are known: `skipped` keeps the count.
   */
  errors: { line: number; error: string }[];
  /** Lines skipped as bad, including those of an earlier run this one resumes. */
  skipped: number;
  /** Lines skipped because an earlier run of this import stored them. */
  resumedAfterLine?: number;
  /**
   * Why the file as a whole could not be imported (empty, not UTF-8 text, one JSON document…),
   * found before any line of it was read: no line is counted as skipped then.
   */
  fileProblem?: string;
}

/** What identifies a file across browser restarts: its name, size and last modification. */
export function fileKey(file: { name: string; size: number; lastModified: number }): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

/** Stores a batch; by default through the background. */
export type SendBatch = (articles: CorpusArticle[], checkpoint: ImportCheckpoint) => Promise<Result<ImportBatchResult>>;

export interface ImportOptions {
  signal?: AbortSignal;
  /** Continue an earlier import of this file after the lines it stored (from `importState`). */
  resume?: ImportState | null;
  send?: SendBatch;
  /** Articles per batch (default BATCH_ARTICLES). */
  batchArticles?: number;
  /** Called when the whole file is stored, to forget its checkpoint. */
  finished?: (fileKey: string) => Promise<unknown>;
}

const sendToBackground: SendBatch = (articles, checkpoint) => toBackground('importBatch', { articles, checkpoint });
const forgetInBackground = (key: string) => toBackground('forgetImport', { fileKey: key });

/**
 * Imports a JSON Lines or CSV (or tab-separated) file of articles: read as a stream (memory
 * does not grow with the file), parsed line by line, stored in batches. A bad line is reported
 * and skipped; a batch the background cannot store stops the import with the reason, keeping
 * the batches already stored.
 * Each batch carries the line it reached, saved with it, so an import cut short (cancelled,
 * failed, browser closed) can resume where its last stored batch ended. The next batch is parsed
 * while the previous one is being stored.
 */
export async function importFile(
  file: File,
  onProgress: (p: ImportProgress) => void,
  signalOrOptions?: AbortSignal | ImportOptions,
): Promise<ImportProgress & { stopped?: string }> {
  const opts: ImportOptions = signalOrOptions instanceof AbortSignal ? { signal: signalOrOptions } : (signalOrOptions ?? {});
  const { signal, resume } = opts;
  const send = opts.send ?? sendToBackground;
  const finished = opts.finished ?? forgetInBackground;
  const batchArticles = opts.batchArticles ?? BATCH_ARTICLES;
  const key = fileKey(file);
  const skip = resume?.fileKey === key ? resume.line : 0;
  const progress: ImportProgress = {
    bytesRead: 0,
    totalBytes: file.size,
    added: resume && skip ? resume.added : 0,
    duplicates: resume && skip ? resume.duplicates : 0,
    repeated: resume && skip ? (resume.repeated ?? 0) : 0,
    copies: resume && skip ? resume.copies : 0,
    errors: resume && skip ? [...resume.errors] : [],
    skipped: resume && skip ? Math.max(resume.errorCount ?? 0, resume.errors.length) : 0,
    ...(skip ? { resumedAfterLine: skip } : {}),
  };
  // CSV files are separated by commas, semicolons or tabs (found from the header row); .tsv is tabs.
  const isCsv = /\.(csv|tsv)$/i.test(file.name);
  const bytes = countBytes(file.stream(), (n) => (progress.bytesRead += n));
  // JSON Lines: the stored lines are passed over as raw bytes, unparsed. CSV records may span
  // lines and need the header, so they are parsed and those starting on a stored line are dropped.
  const records = isCsv ? parseCsvArticles(bytes) : parseJsonLines(bytes, { skipLines: skip });

  let batch: CorpusArticle[] = [];
  let batchChars = 0;
  let newErrors: { line: number; error: string }[] = [];
  let lastLine = skip;
  /** The last line of the last batch stored: where a new run would resume. */
  let storedLine = skip;
  let storing: Promise<string | null> | null = null;

  const store = (articles: CorpusArticle[], checkpoint: ImportCheckpoint): Promise<string | null> =>
    send(articles, checkpoint).then((answer) => {
      if (!answer.ok) return answer.error;
      storedLine = checkpoint.line;
      progress.added += answer.value.added;
      progress.duplicates += answer.value.duplicates;
      progress.repeated += answer.value.repeated ?? 0;
      progress.copies += answer.value.copies;
      onProgress({ ...progress });
      return null;
    });

  /** Sends the batch once the previous one is stored; returns the previous one's failure, if any. */
  const flush = async (): Promise<string | null> => {
    const failed = storing ? await storing : null;
    storing = null;
    if (failed || (batch.length === 0 && newErrors.length === 0)) return failed;
    const checkpoint: ImportCheckpoint = {
      fileKey: key,
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
      line: lastLine,
      bytesRead: progress.bytesRead,
      errors: newErrors,
    };
    storing = store(batch, checkpoint);
    batch = [];
    batchChars = 0;
    newErrors = [];
    return null;
  };
  const stop = async (why: string) => {
    if (storing) await storing.catch(() => null);
    return { ...progress, stopped: why };
  };
  /** Why the import stopped when a batch could not be stored, and how to go on. */
  const failedMessage = (failed: string) => {
    const kept = `the ${counted(progress.added, 'article')} stored so far ${progress.added === 1 ? 'is' : 'are'} kept`;
    const resumeAt = storedLine ? `resume after line ${storedLine.toLocaleString('en')}` : 'start it again';
    if (isDiskFullMessage(failed)) {
      return `The disk is full: the last batch was not stored; ${kept}. Free some disk space, then pick the same file again to ${resumeAt}.`;
    }
    // The background (a service worker) stopped or restarted while storing a batch.
    if (/message (port|channel) closed|receiving end does not exist|no answer to/i.test(failed)) {
      // The batch in flight may or may not have been stored: the saved checkpoint knows, so no line is promised here.
      return `Import stopped: the extension's background stopped while storing a batch; ${kept}. Pick the same file again to resume after the last stored batch.`;
    }
    return `Import stopped: ${failed}; ${kept}. Pick the same file again to ${resumeAt}.`;
  };

  /** Whether the file gave anything (an article or a bad line) before. */
  let readSome = false;
  for await (const record of records) {
    if (signal?.aborted) return stop('Import cancelled; the articles stored so far were kept. Pick the same file again to resume.');
    const line = record.line;
    if (line <= skip) continue;
    lastLine = line;
    const first = !readSome && skip === 0;
    readSome = true;
    if ('error' in record && record.fatal && first) {
      // The file itself cannot be imported (empty, UTF-16, binary, one JSON document): no line was read.
      progress.fileProblem = record.error;
      await finished(key);
      onProgress({ ...progress });
      return stop(`Could not import ${file.name}: ${record.error}. Nothing was stored.`);
    }
    if ('error' in record) {
      const error = { line, error: record.error.slice(0, LIMITS.errorText) };
      progress.errors.push(error);
      progress.skipped++;
      newErrors.push(error);
      if (record.fatal) {
        // Nothing more can be read from this file: store what came before, then stop. Bad lines
        // alone need no batch: the import ends here and its progress is forgotten.
        if (batch.length === 0) newErrors = [];
        let failed = await flush();
        if (!failed && storing) failed = await storing;
        storing = null;
        if (failed) return stop(failedMessage(failed));
        await finished(key);
        onProgress({ ...progress });
        const kept = progress.added ? ` The ${counted(progress.added, 'article')} before it ${progress.added === 1 ? 'was' : 'were'} stored.` : ' Nothing was stored.';
        return stop(`Import of ${file.name} stopped at line ${line.toLocaleString('en')}: ${record.error}.${kept}`);
      }
      // A long run of bad lines goes to the background on its own, within what a batch may carry.
      if (newErrors.length >= LIMITS.checkpointErrors) {
        const failed = await flush();
        if (failed) return stop(failedMessage(failed));
      }
      continue;
    }
    batch.push(record.article);
    batchChars += record.article.text.length;
    if (batch.length >= batchArticles || batchChars >= BATCH_CHARS) {
      const failed = await flush();
      if (failed) return stop(failedMessage(failed));
    }
  }
  let failed = await flush();
  if (!failed && storing) failed = await storing;
  if (failed) return stop(failedMessage(failed));
  await finished(key);
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

/** One page of the corpus for export; by default from the background. */
export type ExportPage = (afterId: number, limit: number) => Promise<Result<{ articles: CorpusArticle[]; lastId: number | null }>>;

/** Exports the whole corpus as JSON Lines, page by page, into a Blob. */
export async function exportCorpus(
  serialize: (articles: CorpusArticle[]) => string[],
  page: ExportPage = (afterId, limit) => toBackground('exportPage', { afterId, limit }),
  limit = 500,
): Promise<Blob> {
  const parts: string[] = [];
  let afterId = 0;
  for (;;) {
    const answer = await page(afterId, limit);
    if (!answer.ok) throw new Error(answer.error);
    for (const line of serialize(answer.value.articles)) parts.push(line + '\n');
    if (answer.value.lastId === null) break;
    afterId = answer.value.lastId;
  }
  return new Blob(parts, { type: 'application/x-ndjson' });
}
