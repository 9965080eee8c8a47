// The phone's outbox: marks, photos, signatures and shift changes wait here (IndexedDB) until
// the server has them. One item at a time, lowest seq first, so they arrive in the order they
// were made; each carries the Idempotency-Key it was given when queued, so a resend after a
// lost answer is recognised by the server and applied once. A photo is queued as its own item
// before the mark that cites it ("local:<ref>"), and the mark is sent with the server's file id.
// A re-sign-in (a new link, so a new device token) sends what is still queued under the new
// token with the same keys: the server keeps keys per driver, so what the old token already
// delivered is answered from its record, not done twice. An item made while another driver was
// signed in on this phone is never sent as the new one: it is moved aside with its reason.
import type { DriverErrorBody, FileResultView, MarkRequest, ShiftRequest } from '../../shared/driver-phone/phone-contract';
import type { FileProofKind } from '../../shared/delivery/proof-vocabulary';
import { request, type ApiAnswer } from './api';
import { all, del, first, get, put } from './idb';

export const LOCAL_REF = 'local:';

interface Base {
  seq?: number;
  /** Idempotency-Key, fixed at queue time. */
  key: string;
  createdAt: number;
  orderId: string | null;
  /** The driver signed in when it was made (absent in items queued by older versions of the page). */
  driverId?: string;
}
export type OutboxItem =
  | (Base & { kind: 'file'; proofKind: FileProofKind; ref: string; mime: string; bytes: ArrayBuffer })
  | (Base & { kind: 'mark'; body: MarkRequest })
  | (Base & { kind: 'shift'; body: ShiftRequest });

export interface FailedItem {
  seq: number;
  kind: OutboxItem['kind'];
  orderId: string | null;
  mark: string | null;
  error: DriverErrorBody;
  at: number;
}

export type FlushResult = 'empty' | 'offline' | 'signed_out';

/** Who is signed in now: the token items are sent with, and the driver they must belong to. */
export interface OutboxSession {
  token: string;
  driverId: string;
}

/** The refusal an item of another driver's sign-in gets on this phone (shown in "not accepted"). */
export const OTHER_DRIVER = 'other_driver';

export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Outbox {
  private running: Promise<FlushResult> | null = null;

  constructor(
    private readonly db: IDBDatabase,
    private readonly session: () => OutboxSession | null,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
    private readonly clock: () => number = Date.now,
  ) {}

  /** Queues an item, stamped with the driver signed in now. */
  async enqueue(item: OutboxItem): Promise<void> {
    const driverId = item.driverId ?? this.session()?.driverId;
    await put(this.db, 'queue', driverId === undefined ? item : { ...item, driverId });
  }

  pending(): Promise<OutboxItem[]> {
    return all<OutboxItem>(this.db, 'queue');
  }

  failed(): Promise<FailedItem[]> {
    return all<FailedItem>(this.db, 'failed');
  }

  dismissFailed(seq: number): Promise<undefined> {
    return del(this.db, 'failed', seq);
  }

  /** Sends what is queued, oldest first; stops at the first item the network can't take yet. */
  flush(): Promise<FlushResult> {
    // One flush at a time: two loops would race for the same item and break the order.
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<FlushResult> {
    for (;;) {
      const item = await first<OutboxItem>(this.db, 'queue');
      if (item === undefined) return 'empty';
      const session = this.session();
      if (session === null) return 'signed_out';
      const answer: ApiAnswer<unknown> =
        item.driverId !== undefined && item.driverId !== session.driverId
          ? { ok: false, kind: 'refused', status: 403, error: { error: OTHER_DRIVER, message: 'Made while another driver was signed in on this phone: not sent' } }
          : await this.send(item, session.token);
      if (answer.ok) {
        if (item.kind === 'file') await put(this.db, 'kv', (answer.value as FileResultView).fileId, `ref:${item.ref}`);
        await del(this.db, 'queue', item.seq as number);
        continue;
      }
      if (answer.kind === 'network' || answer.kind === 'retry') return 'offline';
      if (answer.kind === 'signed_out') return 'signed_out';
      // The server said no (a rule, a wrong code): the driver sees why; the queue moves on.
      await put(this.db, 'failed', {
        seq: item.seq as number,
        kind: item.kind,
        orderId: item.orderId,
        mark: item.kind === 'mark' ? item.body.mark : null,
        error: answer.error,
        at: this.clock(),
      } satisfies FailedItem);
      await del(this.db, 'queue', item.seq as number);
    }
  }

  private async send(item: OutboxItem, token: string): Promise<ApiAnswer<unknown>> {
    const headers = { 'idempotency-key': item.key };
    if (item.kind === 'file') {
      return request('POST', '/files', {
        token,
        raw: new Blob([item.bytes], { type: item.mime }),
        headers: { ...headers, 'content-type': item.mime, 'x-order-id': item.orderId ?? '', 'x-proof-kind': item.proofKind },
      }, this.fetchFn);
    }
    if (item.kind === 'shift') return request('POST', '/shift', { token, body: item.body, headers }, this.fetchFn);
    const body = { ...item.body };
    for (const field of ['photoFileId', 'signatureFileId'] as const) {
      const v = body[field];
      if (v === undefined || !v.startsWith(LOCAL_REF)) continue;
      const fileId = await get<string>(this.db, 'kv', `ref:${v.slice(LOCAL_REF.length)}`);
      // Its upload was refused (shown already): the mark can't cite it.
      if (fileId === undefined) {
        return { ok: false, kind: 'refused', status: 400, error: { error: 'file_refused', field, message: `${field}: the file was not accepted` } };
      }
      body[field] = fileId;
    }
    return request('POST', '/marks', { token, body, headers }, this.fetchFn);
  }
}
