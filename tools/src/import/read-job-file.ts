import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { genericColumns, mapGenericJobs, requiredGenericColumns } from './generic-mapping.ts';
import type { MappedFile } from './job-import-input.ts';
import { mapNycJobs, nycColumns, type CsvRecord } from './nyc-jobs-mapping.ts';

export type JobFileFormat = 'nyc' | 'generic';

/** A CSV file of jobs, read and mapped, with the number of data rows it had. */
export interface JobFile extends MappedFile {
  readonly format: JobFileFormat;
  readonly rowCount: number;
}

/**
 * Reads a CSV file of jobs and maps its rows, or its first `limit` rows. The header
 * determines the format: the NYC Jobs columns, or the generic column set.
 */
export async function readJobFile(path: string, limit?: number): Promise<JobFile> {
  const content = await readFile(path, 'utf8');
  // The header is row 1 of the count; rows are numbered as in a spreadsheet.
  const [header = [], ...cells] = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, ...(limit ? { to: limit + 1 } : {}) }) as string[][];
  const format = detectFormat(header, path);

  // A row with another number of fields than the header is reported, not read with its columns shifted.
  const records: CsvRecord[] = [];
  const rowNumbers: number[] = [];
  const malformed: Array<{ row: number; reason: string }> = [];
  cells.forEach((fields, index) => {
    const row = index + 2;
    if (fields.length !== header.length) {
      malformed.push({ row, reason: `The row has ${fields.length} fields but the header has ${header.length} columns; check its quotes and commas.` });
      return;
    }
    records.push(Object.fromEntries(header.map((column, position) => [column, fields[position]!])));
    rowNumbers.push(row);
  });

  const rowOf = (index: number) => rowNumbers[index]!;
  const mapped = format === 'nyc' ? mapNycJobs(records, rowOf) : mapGenericJobs(records, rowOf);
  const rejectedRows = [...malformed, ...mapped.rejectedRows].sort((a, b) => a.row - b.row);
  return { format, rowCount: cells.length, jobs: mapped.jobs, rejectedRows };
}

function detectFormat(header: readonly string[], path: string): JobFileFormat {
  if (nycColumns.every((column) => header.includes(column))) return 'nyc';
  const missing = requiredGenericColumns.filter((column) => !header.includes(column));
  if (missing.length === 0) return 'generic';
  throw new Error(
    `${path} has neither the NYC Jobs columns nor the required generic ones (it lacks ${missing.join(', ')}). ` +
      `The generic header is: ${genericColumns.join(',')}, of which ${requiredGenericColumns.join(', ')} are required.`,
  );
}
