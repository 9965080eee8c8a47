// The files an import wizard keeps between its steps (carriers and orders alike): a file is read
// once (step 1) under a fresh import id, its header and first rows answered with a guessed column
// mapping, and kept for the preview and commit steps; only the last KEEP_FILES stay, an older one
// must be chosen again. Per console (the handler context), never module state: two consoles in
// one test never share files.
import { randomUUID } from 'node:crypto';
import type { ImportFileOf } from '../../../shared/api/import-file';
import { readSheet, type Sheet } from './read-sheet';

/** Files kept between the wizard's steps; an older one must be read again. */
export const KEEP_FILES = 4;

/** A wizard step that cannot run: 'not_found' = the file expired; 'invalid_request' = bad mapping. */
export class ImportStepError extends Error {
  override name = 'ImportStepError';
  constructor(
    readonly code: 'not_found' | 'invalid_request',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenFile {
  fileName: string;
  sheet: Sheet;
}

export function createImportFiles<M>(suggestMapping: (headers: string[]) => M, maxRows?: number) {
  const files = new Map<string, OpenFile>();
  return {
    async read(fileName: string, dataBase64: string): Promise<ImportFileOf<M>> {
      const sheet = await readSheet(fileName, Buffer.from(dataBase64, 'base64'), maxRows);
      const importId = randomUUID();
      files.set(importId, { fileName, sheet });
      while (files.size > KEEP_FILES) files.delete(files.keys().next().value as string);
      const headers = sheet.rows[0] ?? [];
      return {
        importId,
        fileName,
        sheetName: sheet.sheetName,
        headers,
        sampleRows: sheet.rows.slice(1, 6),
        rowCount: sheet.rows.length - 1,
        suggestedMapping: suggestMapping(headers),
      };
    },

    /** The file read under `importId`; gone (expired or committed): ImportStepError 'not_found'. */
    get(importId: string): OpenFile {
      const f = files.get(importId);
      if (!f) throw new ImportStepError('not_found', 'This import has expired: choose the file again');
      return f;
    },

    /** A committed file is forgotten: committing it twice must read it again. */
    forget(importId: string): void {
      files.delete(importId);
    },
  };
}
