import { readFile } from 'node:fs/promises';
import { genericColumns, mapGenericJobs, requiredGenericColumns } from './generic-mapping.ts';
import type { MappedFile } from './job-import-input.ts';
import { mapNycJobs, nycColumns, type CsvRecord } from './nyc-jobs-mapping.ts';
import { CsvHeaderError, parseCsvRows, type CsvRows } from './read-csv-rows.ts';

export type JobFileFormat = 'nyc' | 'generic';

/** A CSV file of jobs, read and mapped, with the number of data rows it had. */
export interface JobFile extends MappedFile {
  readonly format: JobFileFormat;
  readonly rowCount: number;
}

/** Raised when a file cannot be imported at all. Its message is one line that names the file and what to do. */
export class JobFileError extends Error {
  override readonly name = 'JobFileError';
}

/**
 * Reads a CSV file of jobs and maps its rows, or its first `limit` rows. The header
 * determines the format: the NYC Jobs columns, or the generic column set.
 * Rows are numbered as in a spreadsheet, with the header as row 1. Throws a
 * `JobFileError` when the file cannot be read, or its header is not valid
 * CSV, repeats a column or has neither column set.
 */
export async function readJobFile(path: string, limit?: number): Promise<JobFile> {
  const content = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new JobFileError(describeReadError(path, error));
  });
  const { header, rows, malformed } = parseRows(path, content, limit);
  rejectRepeatedColumn(header, path);
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

function describeReadError(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `${path} does not exist; check the path of the CSV file.`;
    case 'EISDIR':
      return `${path} is a directory, but the import expects a CSV file; name a file in it.`;
    case 'EACCES':
    case 'EPERM':
      return `${path} cannot be read: permission denied; give the user running the import read access to it.`;
    case 'ENOTDIR':
      return `${path} does not exist: a part of the path before the file name is not a directory; check the path.`;
    default:
      return `Cannot read ${path}: ${error.message}`;
  }
}

function parseRows(path: string, content: string, limit: number | undefined): CsvRows {
  try {
    return parseCsvRows(content, limit === undefined ? undefined : limit + 1);
  } catch (error) {
    if (error instanceof CsvHeaderError) throw new JobFileError(`The header (row 1) of ${path} is not valid CSV: ${error.reason}`);
    throw error;
  }
}

/**
 * Rejects a header that names a column twice, because a row's record would
 * keep only the last of the two cells and drop the other without a word.
 * Empty names are not compared: spreadsheets export unused columns as
 * trailing commas, and the mappings never read an unnamed column.
 */
function rejectRepeatedColumn(header: readonly string[], path: string): void {
  const positionByName = new Map<string, number>();
  header.forEach((name, position) => {
    if (name === '') return;
    const first = positionByName.get(name);
    if (first !== undefined) {
      throw new JobFileError(
        `The header of ${path} repeats the column "${name}" (columns ${first + 1} and ${position + 1}); rename or remove one of them.`,
      );
    }
    positionByName.set(name, position);
  });
}

function detectFormat(header: readonly string[], path: string): JobFileFormat {
  if (nycColumns.every((column) => header.includes(column))) return 'nyc';
  const missing = requiredGenericColumns.filter((column) => !header.includes(column));
  if (missing.length === 0) return 'generic';
  throw new JobFileError(
    `${path} has neither the NYC Jobs columns nor the required generic ones (it lacks ${missing.join(', ')}). ` +
      `The generic header is: ${genericColumns.join(',')}, of which ${requiredGenericColumns.join(', ')} are required.`,
  );
}
