import { parse, type CsvError } from 'csv-parse/sync';

/** A CSV file's header and rows, numbered as in a spreadsheet: the header is row 1. */
export interface CsvRows {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<{ readonly row: number; readonly fields: readonly string[] }>;
  /** Rows that are not valid CSV, such as a quote inside an unquoted cell, with the reason. */
  readonly malformed: ReadonlyArray<{ readonly row: number; readonly reason: string }>;
}

/** Raised when the header row is not valid CSV, so no row of the file can be read by its columns. */
export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';

  constructor(readonly reason: string) {
    super(`The header (row 1) is not valid CSV: ${reason}`);
  }
}

/** A record that csv-parse skipped: how many records it had read before, and its first error. */
interface SkippedRecord {
  readonly recordsBefore: number;
  readonly error: CsvError;
  /** The record's text up to its latest error. */
  raw: string;
}

/**
 * Parses CSV text up to row `lastRow`, or to its end. A row with malformed
 * quotes is reported in `malformed` and the rows after it are still read.
 * Throws a `CsvHeaderError` when the header itself is malformed.
 *
 * NOTE: after a malformed quote, the parser cannot tell whether a later line
 * break is inside a quoted cell, so it ends the bad row at the next line
 * break outside quotes as it reads them. A quote that opens a cell and is
 * never closed makes the rest of the file one malformed row.
 */
export function parseCsvRows(content: string, lastRow?: number): CsvRows {
  const skipped: SkippedRecord[] = [];
  const records = parse(content, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    // The raw text of a record separates its errors from those of the next skipped record, which the row numbers need.
    raw: true,
    ...(lastRow ? { to: lastRow } : {}),
    on_skip: (error, raw) => {
      if (error) recordSkip(skipped, error, raw ?? '');
    },
  }) as unknown as Array<{ record: string[] }>;

  if (skipped[0]?.recordsBefore === 0) {
    throw new CsvHeaderError(describeCsvError(skipped[0].error, []));
  }
  const [header = [], ...dataRecords] = records.map((entry) => entry.record);

  // A record's row number counts the records before it, the skipped ones too.
  const rows: Array<{ row: number; fields: string[] }> = [];
  const malformed: Array<{ row: number; reason: string }> = [];
  let skippedBefore = 0;
  const reportSkippedUpTo = (recordsBefore: number) => {
    while (skippedBefore < skipped.length && skipped[skippedBefore]!.recordsBefore <= recordsBefore) {
      const skip = skipped[skippedBefore]!;
      skippedBefore += 1;
      malformed.push({ row: skip.recordsBefore + skippedBefore, reason: describeCsvError(skip.error, header) });
    }
  };
  dataRecords.forEach((fields, index) => {
    const recordsBefore = index + 1;
    reportSkippedUpTo(recordsBefore);
    rows.push({ row: recordsBefore + skippedBefore + 1, fields });
  });
  reportSkippedUpTo(records.length);

  const within = (entry: { row: number }) => lastRow === undefined || entry.row <= lastRow;
  return { header, rows: rows.filter(within), malformed: malformed.filter(within) };
}

/**
 * Adds a skipped record to `skipped`, unless the error belongs to the record
 * already there: csv-parse reports every error of a record, and within one
 * record the raw text read so far only grows. A new record cannot start with
 * the previous record's text up to its error and go on past it, because
 * parsing that same text would raise the same error at the same place.
 */
function recordSkip(skipped: SkippedRecord[], error: CsvError, raw: string): void {
  const last = skipped.at(-1);
  const recordsBefore = error.records as number;
  if (last && last.recordsBefore === recordsBefore && raw.length > last.raw.length && raw.startsWith(last.raw)) {
    last.raw = raw;
    return;
  }
  skipped.push({ recordsBefore, error, raw });
}

function describeCsvError(error: CsvError, header: readonly string[]): string {
  let cell = 'A cell';
  if (typeof error.column === 'number') {
    const name = header[error.column];
    cell = name ? `The "${name}" cell` : `Cell ${error.column + 1}`;
  }
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return `${cell} has a quote inside an unquoted value (${String(error.field)}"...); enclose the whole cell in double quotes and double each quote inside it.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${cell} has a quote inside a quoted value that is not doubled; write each quote inside it as "".`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quote in this row is never closed, so the rest of the file was read as part of this row; close the quote and import again.';
    default:
      return `The row is not valid CSV: ${error.message}`;
  }
}
