import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { genericColumns, mapGenericJobs } from './generic-mapping.ts';
import type { MappedFile } from './job-import-input.ts';
import { mapNycJobs, nycColumns, type CsvRecord } from './nyc-jobs-mapping.ts';

export type JobFileFormat = 'nyc' | 'generic';

/** A CSV file of jobs, read and mapped, with the number of data rows it had. */
export interface JobFile extends MappedFile {
  readonly format: JobFileFormat;
  readonly rowCount: number;
}

/**
 * Reads a CSV file of jobs and maps its rows, or its first `limit` rows. The
 * format is told by the header: the NYC Jobs columns, or the generic column set.
 */
export async function readJobFile(path: string, limit?: number): Promise<JobFile> {
  const content = await readFile(path, 'utf8');
  const records = parse(content, { columns: true, bom: true, skip_empty_lines: true, trim: false, ...(limit ? { to: limit } : {}) }) as CsvRecord[];
  const header = Object.keys(records[0] ?? {});
  const format = detectFormat(header, path);
  const mapped = format === 'nyc' ? mapNycJobs(records) : mapGenericJobs(records);
  return { format, rowCount: records.length, ...mapped };
}

function detectFormat(header: readonly string[], path: string): JobFileFormat {
  if (nycColumns.every((column) => header.includes(column))) return 'nyc';
  if (['external_id', 'company', 'title', 'description'].every((column) => header.includes(column))) return 'generic';
  throw new Error(
    `${path} has neither the NYC Jobs columns nor the generic ones. The generic header is: ${genericColumns.join(',')} (external_id, company, title and description are required).`,
  );
}
