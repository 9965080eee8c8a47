// Phone cameras take 5-12 MB photos; the server keeps at most 3 MB. A proof photo needs to show
// the parcel at the door, not every pixel: scale to 1600 px on the long side, JPEG 0.8.
export const MAX_SIDE = 1600;

export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2d canvas');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('could not encode the photo')) : resolve(b)), 'image/jpeg', 0.8));
}
