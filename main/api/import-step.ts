// The import wizards' steps (carrier and order spreadsheets) fail in expected ways: a file that
// is not a spreadsheet, an unknown import id, a mapping that misses a column. Those become the
// API's error codes here, once for both wizards; anything else is rethrown as it is (internal).
import { ImportStepError } from '../carriers/import/import-files';
import { SheetError } from '../carriers/import/read-sheet';
import { ApiFailure } from './api-failure';

function asApiFailure(e: unknown): unknown {
  if (e instanceof ImportStepError) return new ApiFailure(e.code, e.message);
  if (e instanceof SheetError) return new ApiFailure('invalid_request', e.message);
  return e;
}

/** Runs a synchronous step, its expected failures as API errors. */
export function importStep<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw asApiFailure(e);
  }
}

/** Runs a step that may wait (reading a file, committing), its expected failures as API errors. */
export async function importStepAsync<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw asApiFailure(e);
  }
}
