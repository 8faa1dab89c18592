import type { JobFile } from './read-job-file.ts';
import { sendBatch, type ImportOutcome, type SendBatchOptions } from './send-batches.ts';

/** The result of an import: counts by outcome and every rejected row with its reason. */
export interface ImportSummary {
  readonly counts: Readonly<Record<ImportOutcome, number>>;
  readonly rejected: ReadonlyArray<{ readonly rows: readonly number[]; readonly reason: string }>;
  readonly seconds: number;
}

export const maxBatchSize = 500;

/** How far an import has come: the jobs sent so far, of `total`, and their outcomes. */
export interface ImportProgress {
  readonly sent: number;
  readonly total: number;
  readonly counts: Readonly<Record<ImportOutcome, number>>;
}

/**
 * Sends the jobs of a mapped file to `importJobs` in batches of `batchSize`,
 * one after another, and gathers the outcomes. Rows the mapping rejected are
 * in the summary's `rejected` too, so it accounts for every row of the file.
 */
export async function importFile(
  file: JobFile,
  options: SendBatchOptions & { readonly batchSize: number; readonly onProgress?: (progress: ImportProgress) => void },
): Promise<ImportSummary> {
  const started = performance.now();
  const counts: Record<ImportOutcome, number> = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0 };
  const rejected = file.rejectedRows.map(({ row, reason }) => ({ rows: [row], reason }));
  for (let offset = 0; offset < file.jobs.length; offset += options.batchSize) {
    const batch = file.jobs.slice(offset, offset + options.batchSize);
    const results = await sendBatch(batch.map((job) => job.input), options);
    for (const result of results) {
      counts[result.outcome] += 1;
      if (result.outcome === 'REJECTED') rejected.push({ rows: [...batch[result.index]!.rows], reason: result.reason ?? 'no reason given' });
    }
    options.onProgress?.({ sent: offset + batch.length, total: file.jobs.length, counts: { ...counts } });
  }
  rejected.sort((a, b) => a.rows[0]! - b.rows[0]!);
  return { counts, rejected, seconds: (performance.now() - started) / 1000 };
}
