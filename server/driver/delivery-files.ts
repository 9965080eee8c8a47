// Photos and signatures from drivers' phones, stored in the server's database with a size
// limit. The declared type must match the bytes' own signature: a "photo" that is really a
// script or an HTML page is refused, since these bytes are later shown to dispatchers.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FileProofKind } from '../../shared/delivery/proof-vocabulary';
import type { ProofFileType } from '../../shared/driver-phone/driver-wire';

export interface StoredFileMeta {
  id: string;
  orderId: string;
  driverId: string;
  kind: FileProofKind;
  mime: ProofFileType;
}

/** Does the content start the way its declared image type must? */
export function bytesMatchType(bytes: Buffer, mime: ProofFileType): boolean {
  if (mime === 'image/jpeg') return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (mime === 'image/png') return bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return bytes.length > 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}

export class DeliveryFiles {
  private readonly stmts;

  constructor(sqlite: Database.Database) {
    this.stmts = {
      insert: sqlite.prepare<[string, string, string, string, string, string, number, Buffer, number]>(
        'INSERT INTO delivery_files (id, order_id, driver_id, device_id, kind, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      meta: sqlite.prepare<[string], StoredFileMeta>(
        'SELECT id, order_id AS orderId, driver_id AS driverId, kind, mime FROM delivery_files WHERE id = ?',
      ),
      bytes: sqlite.prepare<[string], { mime: string; bytes: Buffer }>('SELECT mime, bytes FROM delivery_files WHERE id = ?'),
    };
  }

  put(input: { orderId: string; driverId: string; deviceId: string; kind: FileProofKind; mime: ProofFileType; bytes: Buffer }, now: number): string {
    const id = randomUUID();
    this.stmts.insert.run(id, input.orderId, input.driverId, input.deviceId, input.kind, input.mime, input.bytes.length, input.bytes, now);
    return id;
  }

  meta(id: string): StoredFileMeta | undefined {
    return this.stmts.meta.get(id);
  }

  read(id: string): { mime: string; bytes: Buffer } | undefined {
    return this.stmts.bytes.get(id);
  }
}
