// @vitest-environment happy-dom
// A file crosses the typed API as base64 both ways: what is picked for an import reads back as
// the same bytes, and an export is saved under its name with exactly the bytes main sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileToBase64, saveBase64File } from './file-base64';

afterEach(() => vi.restoreAllMocks());

describe('file-base64', () => {
  it('saves the bytes main sent, under the file name, and frees them later', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256); // over one 0x8000 chunk
    const dataBase64 = await fileToBase64(new File([bytes], 'in.xlsx'));
    const saved: { blob?: Blob; name?: string; href?: string } = {};
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((saved.blob = b as Blob), 'blob:x-1'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.name = this.download;
      saved.href = this.href;
    });
    vi.useFakeTimers();
    saveBase64File({ fileName: 'Отчёт.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64 });
    expect([saved.name, saved.href, saved.blob?.type]).toEqual(['Отчёт.xlsx', 'blob:x-1', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(new Uint8Array(await (saved.blob as Blob).arrayBuffer())).toEqual(bytes);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:x-1');
    vi.useRealTimers();
  });
});
