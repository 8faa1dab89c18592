import { readFile } from 'node:fs/promises';
import { genericColumns, mapGenericJobs, requiredGenericColumns } from './generic-mapping.ts';
import type { MappedFile } from './job-import-input.ts';
import { mapNycJobs, nycColumns, type CsvRecord } from './nyc-jobs-mapping.ts';
import { parseCsvRows } from './read-csv-rows.ts';

export type JobFileFormat = 'nyc' | 'generic';

/** A CSV file of jobs, read and mapped, with the number of data rows it had. */
export interface JobFile extends MappedFile {
  readonly format: JobFileFormat;
  readonly rowCount: number;
}

/**
 * Reads a CSV file of jobs and maps its rows, or its first `limit` rows. The header
 * determines the format: the NYC Jobs columns, or the generic column set.
 * Rows are numbered as in a spreadsheet, with the header as row 1.
 */
export async function readJobFile(path: string, limit?: number): Promise<JobFile> {
  const content = await readFile(path, 'utf8');
  const { header, rows, malformed } = parseCsvRows(content, limit === undefined ? undefined : limit + 1);
  const format = detectFormat(header, path);

  // A row with another number of fields than the header is reported, not read with its columns shifted.
  const records: CsvRecord[] = [];
  const rowNumbers: number[] = [];
  const rejectedRows = [...malformed];
  for (const { row, fields } of rows) {
    if (fields.length !== header.length) {
      rejectedRows.push({ row, reason: `The row has ${fields.length} fields but the header has ${header.length} columns; check its quotes and commas.` });
      continue;
    }
    records.push(Object.fromEntries(header.map((column, position) => [column, fields[position]!])));
    rowNumbers.push(row);
  }

  const rowOf = (index: number) => rowNumbers[index]!;
  const mapped = format === 'nyc' ? mapNycJobs(records, rowOf) : mapGenericJobs(records, rowOf);
  rejectedRows.push(...mapped.rejectedRows);
  rejectedRows.sort((a, b) => a.row - b.row);
  return { format, rowCount: rows.length + malformed.length, jobs: mapped.jobs, rejectedRows };
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
