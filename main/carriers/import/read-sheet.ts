// Reads the first worksheet of an XLSX or CSV file into rows of text, with exceljs (maintained,
// reads and writes both formats, none of the prototype-pollution advisories of the npm `xlsx`
// 0.18 line). CSV from Russian Excel is often ";"-separated and Windows-1251 encoded: both
// are detected. Every cell becomes text as the user sees it; typing happens in validation.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface Sheet {
  sheetName: string;
  /** Row 0 is the header row. Trailing empty rows are dropped; empty rows inside are kept. */
  rows: string[][];
}

export class SheetError extends Error {
  override name = 'SheetError';
}

/** At most this many data rows per file; a bigger base is imported in parts. */
export const MAX_IMPORT_ROWS = 50_000;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip file

function isXlsx(data: Buffer): boolean {
  return XLSX_MAGIC.every((b, i) => data[i] === b);
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else Windows-1251. */
export function decodeCsv(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(data);
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] !== undefined && counts[0][1] > 0 ? counts[0][0] : ',';
}

/** A cell as the user sees it in Excel. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  // Excel keeps a date as wall-clock time (exceljs hands it over as that clock in UTC): a day,
  // or a day and a time when the cell has one (an order's delivery window).
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '').trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  // eachRow skips never-touched rows even with includeEmpty: fill the holes so row numbers match.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === '')) rows.pop();
  return rows;
}

/** `maxRows`: the limit is a parameter so tests can probe its boundary without 50,000-row files. */
export async function readSheet(fileName: string, data: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  try {
    if (isXlsx(data)) {
      // exceljs's typings predate Node 20's generic Buffer; the bytes are what it wants.
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    } else if (lower.endsWith('.xls')) {
      throw new SheetError('Old .xls files cannot be read: save the file as .xlsx or .csv in Excel and import that');
    } else if (data.subarray(0, 65_536).includes(0)) {
      // Text never holds NUL bytes: an image, a PDF or an old binary format renamed .csv.
      throw new SheetError(`"${fileName}" is not an XLSX or CSV file`);
    } else {
      const text = decodeCsv(data);
      await wb.csv.read(Readable.from([text]), { parserOptions: { delimiter: guessDelimiter(text) } });
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError(`Cannot read "${fileName}" as a spreadsheet: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError(`"${fileName}" has no worksheet`);
  const rows = sheetRows(ws);
  if (rows.length === 0) throw new SheetError(`"${fileName}" is empty`);
  if (rows.length - 1 > maxRows) {
    throw new SheetError(`"${fileName}" has ${rows.length - 1} rows; import at most ${maxRows} at a time`);
  }
  return { sheetName: ws.name, rows };
}
