/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes inside them, delimiters and line
 * breaks inside quotes, CRLF or LF endings, a UTF-8 byte-order mark. Each record keeps its
 * spreadsheet row number (1 = header) so later errors can point at the exact row.
 */
import { DatasetError } from './dataset-error.js';

/** One parsed record with its 1-based row number. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Guesses the delimiter from the header line: the most frequent of comma, semicolon, tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Parses CSV text into records. Blank lines are dropped (but still counted in row numbers). */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let recordRow = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  const endField = (): void => {
    cells.push(fieldWasQuoted ? field : field.trim());
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) records.push({ row: recordRow, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        field += ch; // a line break inside quotes stays in the cell, as in spreadsheets (same row)
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldWasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      row++;
      recordRow = row;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new DatasetError(`Row ${recordRow}: a quoted field is never closed (missing ").`);
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}
