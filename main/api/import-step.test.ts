import { describe, expect, it } from 'vitest';
import { ImportStepError } from '../carriers/import/import-files';
import { SheetError } from '../carriers/import/read-sheet';
import { ApiFailure } from './api-failure';
import { importStep, importStepAsync } from './import-step';

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('the step did not fail');
}

describe('importStep', () => {
  it('passes a result through, sync and async', async () => {
    expect(importStep(() => 7)).toBe(7);
    await expect(importStepAsync(() => 8)).resolves.toBe(8);
    await expect(importStepAsync(() => Promise.resolve(9))).resolves.toBe(9);
  });

  it("turns an import step's own failure into an API failure with its code", async () => {
    const sync = failureOf(() => importStep(() => { throw new ImportStepError('not_found', 'No import imp-1'); }));
    expect(sync).toBeInstanceOf(ApiFailure);
    expect((sync as ApiFailure).toBody()).toEqual({ code: 'not_found', message: 'No import imp-1' });
    const async = await importStepAsync(() => Promise.reject(new ImportStepError('invalid_request', 'No column for the name'))).catch((e: unknown) => e);
    expect((async as ApiFailure).toBody()).toEqual({ code: 'invalid_request', message: 'No column for the name' });
  });

  it('a file that is not a spreadsheet is an invalid request', async () => {
    const sync = failureOf(() => importStep(() => { throw new SheetError('Not an XLSX or CSV file'); }));
    expect((sync as ApiFailure).toBody()).toEqual({ code: 'invalid_request', message: 'Not an XLSX or CSV file' });
    const async = await importStepAsync(() => { throw new SheetError('Empty sheet'); }).catch((e: unknown) => e);
    expect((async as ApiFailure).toBody()).toEqual({ code: 'invalid_request', message: 'Empty sheet' });
  });

  it('any other error is rethrown as it is (an internal error, not a made-up code)', async () => {
    const boom = new TypeError('boom');
    expect(failureOf(() => importStep(() => { throw boom; }))).toBe(boom);
    await expect(importStepAsync(() => Promise.reject(boom))).rejects.toBe(boom);
  });
});
