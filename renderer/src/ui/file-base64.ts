// Files the way the typed API carries them, as base64: a picked file's bytes for an import, and
// an export main made saved through the browser's download.
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Saves a file main exported (XLSX) through the browser's download, under its own name. */
export function saveBase64File(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  // The download has started from the URL by now; a late revoke frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
