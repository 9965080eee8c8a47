// What step 1 of an import wizard (carriers, orders) answers about the file it read.
export interface ImportFileOf<M> {
  importId: string;
  fileName: string;
  sheetName: string;
  headers: string[];
  /** The first rows under the header, as text, for the mapping step. */
  sampleRows: string[][];
  rowCount: number;
  /** Guessed from the header names (Russian or English); the user corrects it. */
  suggestedMapping: M;
}
