// Real spreadsheet cells, not only strings: what Excel users actually send (numbers, dates,
// formulas, rich text), Windows-1251 CSV from Russian Excel, and the row limit.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, SheetError } from './read-sheet';

async function xlsxOf(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Лист1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Windows-1251 bytes for ASCII and Russian text (what Excel's "CSV (разделители - запятые)" writes). */
function cp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (ch === 'Ё') bytes.push(0xa8);
    else if (ch === 'ё') bytes.push(0xb8);
    else if (ch === '№') bytes.push(0xb9);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

describe('readSheet: typed cells come out as the text the user sees', () => {
  it('numbers, dates, formulas, booleans, rich text, hyperlinks and error cells', async () => {
    const data = await xlsxOf((ws) => {
      ws.addRow(['Наименование', 'Тоннаж', 'Объём', 'Дата', 'Формула', 'Реф', 'Заметка', 'Сайт', 'Ошибка', 'Общая']);
      ws.addRow([
        'ТОО Жол',
        20,
        82.5,
        new Date(Date.UTC(2025, 2, 10)),
        { formula: 'B2*2', result: 40 },
        true,
        { richText: [{ text: 'звонить ' }, { font: { bold: true }, text: 'утром' }] },
        { text: 'jol.kz', hyperlink: 'https://jol.kz' },
        { error: '#DIV/0!' },
        null,
      ]);
      ws.addRow(['ТОО Путь', 7, 0.5, null, { formula: 'B3*2', result: 14 }, false]);
      // A shared formula (Excel's fill-down) refers to its master; its own result is what shows.
      ws.getCell('J2').value = { formula: 'B2+1', result: 21 } as ExcelJS.CellFormulaValue;
      ws.getCell('J3').value = { sharedFormula: 'J2', result: 8 } as ExcelJS.CellSharedFormulaValue;
    });
    const sheet = await readSheet('base.xlsx', data);
    expect(sheet.sheetName).toBe('Лист1');
    expect(sheet.rows[1]).toEqual(['ТОО Жол', '20', '82.5', '2025-03-10', '40', 'да', 'звонить утром', 'jol.kz', '', '21']);
    expect(sheet.rows[2]).toEqual(['ТОО Путь', '7', '0.5', '', '14', 'нет', '', '', '', '8']);
  });

  it('a tax id typed as a number keeps its digits (the leading zero is restored at validation)', async () => {
    const data = await xlsxOf((ws) => {
      ws.addRow(['Наименование', 'БИН', 'Телефон']);
      ws.addRow(['ТОО Ноль', 51240007770, 77011112233]);
    });
    // 12 digits fit a double exactly: no exponent, no rounding.
    expect((await readSheet('base.xlsx', data)).rows[1]).toEqual(['ТОО Ноль', '51240007770', '77011112233']);
  });
});

describe('readSheet: CSV', () => {
  it('reads Windows-1251 with semicolons, as Russian Excel saves it', async () => {
    const text = 'Наименование;Город;Тип кузова\r\nТОО Ёлка №1;Караганда;рефрижератор\r\n';
    const data = cp1251(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow(); // really not UTF-8
    const sheet = await readSheet('база.csv', data);
    expect(sheet.rows).toEqual([
      ['Наименование', 'Город', 'Тип кузова'],
      ['ТОО Ёлка №1', 'Караганда', 'рефрижератор'],
    ]);
  });

  const csv = (rows: number): Buffer => Buffer.from(['name;phone', ...Array.from({ length: rows }, (_, i) => `Carrier ${i};+7 701 ${String(i).padStart(7, '0')}`)].join('\n'));

  it('takes exactly the row limit and refuses one more, naming the limit', async () => {
    const full = await readSheet('full.csv', csv(100), 100);
    expect(full.rows).toHaveLength(101);
    expect(full.rows.at(-1)).toEqual(['Carrier 99', '+7 701 0000099']);
    await expect(readSheet('over.csv', csv(101), 100)).rejects.toThrow(new SheetError('"over.csv" has 101 rows; import at most 100 at a time'));
  });
});
