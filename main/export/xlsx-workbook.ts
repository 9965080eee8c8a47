// The one XLSX writer of the desktop (carrier export, report export): sheets of plain values.
// It writes values only, never formulas: a cell holding "=HYPERLINK(...)" typed by a customer
// is stored as text, so an exported file cannot run anything when opened.
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | null;

export interface SheetSpec {
  name: string;
  /** Rows written before the table (a title, the period); not bold, not frozen. */
  preamble?: Cell[][];
  header: string[];
  rows: Cell[][];
  /** Column widths in characters, by position. */
  widths?: number[];
  /** 1-based columns stored as text whatever they look like (tax ids, phones, numbers with zeros). */
  textColumns?: number[];
}

export async function writeXlsx(sheets: readonly SheetSpec[], now: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Marshrut';
  wb.created = new Date(now);
  for (const s of sheets) {
    const headerRow = (s.preamble?.length ?? 0) + 1;
    // Excel refuses sheet names over 31 characters or with []:*?/\
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
    for (const p of s.preamble ?? []) ws.addRow(p);
    ws.addRow(s.header);
    ws.getRow(headerRow).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = s.widths?.[i] ?? 14;
    });
    for (const c of s.textColumns ?? []) ws.getColumn(c).numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sortable local day for a file name (a name for the file system, not a text to read). */
export function fileDay(now: number, offsetMinutes: number): string {
  return new Date(now + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
