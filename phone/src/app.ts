// The page's state and actions: who is signed in, today's tasks (cached in IndexedDB for a
// dead zone), the outbox, and what the driver taps. Marks are queued first and shown at once
// as "waiting for the network"; the outbox sends them in order when it can.
import type { DriverMe, DriverTask, DriverTasksView, MarkRequest, ShiftRequest, DriverErrorBody } from '../../shared/driver-phone/phone-contract';
import type { ProblemReason, ShiftState } from '../../shared/domain/vocabulary';
import type { FileProofKind } from '../../shared/delivery/proof-vocabulary';
import { request } from './api';
import { get, put } from './idb';
import { LOCAL_REF, newKey, Outbox, type FailedItem, type OutboxItem } from './outbox';
import { exchange, forgetSession, loadSession, takeLinkToken, type StoredSession } from './session';
import { pickLang, words, type Lang, type Words } from './words';

export interface State {
  w: Words;
  session: StoredSession | null;
  signInError: DriverErrorBody | null;
  signingIn: boolean;
  me: DriverMe | null;
  tasks: DriverTask[];
  online: boolean;
  pending: OutboxItem[];
  failed: FailedItem[];
  sharingLocation: boolean;
}

export interface DeliveryProofs {
  photo?: Blob;
  signature?: Blob;
  code?: string;
}

export class DriverApp {
  state: State;
  private readonly outbox: Outbox;
  private readonly listeners = new Set<() => void>();
  private watchId: number | null = null;

  constructor(private readonly db: IDBDatabase) {
    this.state = {
      w: words(pickLang(localStorage.getItem('marshrut-driver-lang'), navigator.languages)),
      session: null,
      signInError: null,
      signingIn: false,
      me: null,
      tasks: [],
      online: navigator.onLine,
      pending: [],
      failed: [],
      sharingLocation: false,
    };
    this.outbox = new Outbox(db, () => {
      const session = this.state.session;
      return session === null ? null : { token: session.token, driverId: session.driver.id };
    });
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  async start(): Promise<void> {
    const link = takeLinkToken(location, history);
    if (link !== null) {
      this.set({ signingIn: true });
      const answer = await exchange(this.db, link);
      if (answer.ok) this.set({ session: answer.value, signingIn: false, signInError: null });
      else this.set({ signingIn: false, signInError: answer.kind === 'network' ? { error: 'network', message: this.state.w.t('offline') } : answer.error });
    }
    if (this.state.session === null) this.set({ session: (await loadSession(this.db)) ?? null });
    this.set({
      tasks: (await get<DriverTask[]>(this.db, 'kv', 'tasks')) ?? [],
      me: (await get<DriverMe>(this.db, 'kv', 'me')) ?? null,
    });
    await this.refreshQueue();
    addEventListener('online', () => {
      this.set({ online: true });
      void this.sync();
    });
    addEventListener('offline', () => this.set({ online: false }));
    // A dead zone often looks "online" to the browser: try again every 15 s anyway.
    setInterval(() => void this.sync(), 15_000);
    await this.sync();
  }

  setLang(lang: Lang): void {
    localStorage.setItem('marshrut-driver-lang', lang);
    document.documentElement.lang = lang;
    this.set({ w: words(lang) });
  }

  /** Sends the outbox, then (when it emptied) reloads today's tasks from the server. */
  async sync(): Promise<void> {
    const session = this.state.session;
    if (session === null) return;
    const flushed = await this.outbox.flush();
    await this.refreshQueue();
    if (flushed === 'signed_out') return this.signedOut();
    if (flushed === 'offline') return this.set({ online: false });
    const [me, tasks] = await Promise.all([
      request<DriverMe>('GET', '/me', { token: session.token }),
      request<DriverTasksView>('GET', '/tasks', { token: session.token }),
    ]);
    if ((!me.ok && me.kind === 'signed_out') || (!tasks.ok && tasks.kind === 'signed_out')) return this.signedOut();
    if (!me.ok || !tasks.ok) return this.set({ online: false });
    await put(this.db, 'kv', me.value, 'me');
    await put(this.db, 'kv', tasks.value.tasks, 'tasks');
    // Marks queued while we were asking are still shown as made.
    this.set({ online: true, me: me.value, tasks: this.withPending(tasks.value.tasks) });
  }

  async mark(task: DriverTask, mark: 'picked_up' | 'arrived'): Promise<void> {
    await this.queueMark({ orderId: task.orderId, mark, at: Date.now() });
  }

  async reportProblem(task: DriverTask, reason: ProblemReason, comment: string): Promise<void> {
    await this.queueMark({ orderId: task.orderId, mark: 'problem', reason, at: Date.now(), ...(comment.trim() === '' ? {} : { comment: comment.trim() }) });
  }

  async deliver(task: DriverTask, proofs: DeliveryProofs): Promise<void> {
    const body: MarkRequest = { orderId: task.orderId, mark: 'delivered', at: Date.now() };
    for (const kind of ['photo', 'signature'] as const satisfies readonly FileProofKind[]) {
      const blob = proofs[kind];
      if (blob === undefined) continue;
      const ref = newKey();
      await this.outbox.enqueue({ key: newKey(), createdAt: Date.now(), orderId: task.orderId, kind: 'file', proofKind: kind, ref, mime: blob.type || 'image/jpeg', bytes: await blob.arrayBuffer() });
      body[kind === 'photo' ? 'photoFileId' : 'signatureFileId'] = LOCAL_REF + ref;
    }
    if (proofs.code !== undefined && proofs.code !== '') body.code = proofs.code;
    await this.queueMark(body);
  }

  async setShift(state: ShiftState): Promise<void> {
    const body: ShiftRequest = { state, at: Date.now() };
    await this.outbox.enqueue({ key: newKey(), createdAt: Date.now(), orderId: null, kind: 'shift', body });
    const me = this.state.me;
    if (me !== null) this.set({ me: { ...me, driver: { ...me.driver, shiftState: state, shiftChangedAt: body.at } } });
    await this.refreshQueue();
    void this.sync();
  }

  async dismissFailed(seq: number): Promise<void> {
    await this.outbox.dismissFailed(seq);
    await this.refreshQueue();
  }

  toggleLocation(): void {
    if (this.watchId !== null) {
      navigator.geolocation.clearWatch(this.watchId);
      this.watchId = null;
      return this.set({ sharingLocation: false });
    }
    // Positions are live data: one lost in a dead zone is simply not sent (the server's
    // filters would call a late one stale anyway).
    this.watchId = navigator.geolocation.watchPosition(
      (p) => {
        const token = this.state.session?.token;
        if (token === undefined) return;
        void request('POST', '/position', {
          token,
          body: { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, speed: p.coords.speed, heading: p.coords.heading, at: Math.round(p.timestamp) },
        });
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    this.set({ sharingLocation: true });
  }

  private async queueMark(body: MarkRequest): Promise<void> {
    await this.outbox.enqueue({ key: newKey(), createdAt: Date.now(), orderId: body.orderId, kind: 'mark', body });
    await this.refreshQueue();
    this.set({ tasks: this.withPending(this.state.tasks) });
    void this.sync();
  }

  private async refreshQueue(): Promise<void> {
    this.set({ pending: await this.outbox.pending(), failed: await this.outbox.failed() });
  }

  /** Tasks as they will be once the queued marks land. */
  private withPending(tasks: DriverTask[]): DriverTask[] {
    return tasks.map((t) => {
      let next = t;
      for (const item of this.state.pending) {
        if (item.kind !== 'mark' || item.body.orderId !== t.orderId) continue;
        const m = item.body.mark;
        if (m === 'picked_up') next = { ...next, status: 'in_transit', subMark: 'left_warehouse' };
        if (m === 'arrived') next = { ...next, subMark: 'arrived' };
        if (m === 'delivered') next = { ...next, status: 'delivered' };
        if (m === 'problem') next = { ...next, status: 'problem', problemReason: item.body.reason ?? 'other' };
      }
      return next;
    });
  }

  isPending(orderId: string): boolean {
    return this.state.pending.some((i) => i.orderId === orderId);
  }

  private async signedOut(): Promise<void> {
    await forgetSession(this.db);
    this.set({ session: null, signInError: { error: 'signed_out', message: this.state.w.t('signedOut') } });
  }
}
