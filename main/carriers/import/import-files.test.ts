// The files both import wizards keep between their steps: step 1's answer, the last KEEP_FILES
// kept and older ones expired, a committed file forgotten, and the row limit each wizard sets.
import { describe, expect, it } from 'vitest';
import { createImportFiles, ImportStepError, KEEP_FILES } from './import-files';
import { SheetError } from './read-sheet';

const csv = (rows: string[]) => Buffer.from(rows.join('\n'), 'utf8').toString('base64');
const FILE = csv(['Name;Phone', 'ТОО Альфа;+7 701 000 00 01', 'ТОО Бета;+7 701 000 00 02']);

describe('import files', () => {
  it('answers step 1 with the header, the first rows and the mapping guessed from the header', async () => {
    const seen: string[][] = [];
    const files = createImportFiles((headers) => {
      seen.push(headers);
      return { name: headers.indexOf('Name') };
    });
    const info = await files.read('carriers.csv', FILE);
    expect(info).toMatchObject({
      fileName: 'carriers.csv',
      headers: ['Name', 'Phone'],
      sampleRows: [
        ['ТОО Альфа', '+7 701 000 00 01'],
        ['ТОО Бета', '+7 701 000 00 02'],
      ],
      rowCount: 2,
      suggestedMapping: { name: 0 },
    });
    expect(seen).toEqual([['Name', 'Phone']]);
    expect(files.get(info.importId).sheet.rows).toHaveLength(3);
  });

  it('keeps the last files only, and forgets a committed one: both read as expired', async () => {
    const files = createImportFiles(() => ({}));
    const ids: string[] = [];
    for (let i = 0; i <= KEEP_FILES; i++) ids.push((await files.read(`f${i}.csv`, FILE)).importId);
    expect(new Set(ids).size).toBe(KEEP_FILES + 1);
    const expired = (id: string) => {
      try {
        files.get(id);
        return null;
      } catch (e) {
        return e instanceof ImportStepError ? `${e.code}: ${e.message}` : String(e);
      }
    };
    expect(expired(ids[0] as string)).toBe('not_found: This import has expired: choose the file again');
    expect(files.get(ids[1] as string).fileName).toBe('f1.csv');
    files.forget(ids[1] as string);
    expect(expired(ids[1] as string)).toMatch(/^not_found/);
    expect(files.get(ids[KEEP_FILES] as string).fileName).toBe(`f${KEEP_FILES}.csv`);
  });

  it('refuses a file over the wizard row limit and keeps nothing of it', async () => {
    const files = createImportFiles(() => ({}), 1);
    await expect(files.read('big.csv', FILE)).rejects.toThrow(SheetError);
    await expect(files.read('big.csv', FILE)).rejects.toThrow('has 2 rows; import at most 1');
  });
});
