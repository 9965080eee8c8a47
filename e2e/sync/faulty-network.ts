// A real ws transport with a fault injector in front: go offline (drop sockets, refuse new
// ones), duplicate, hold back (reorder) or delay frames in either direction. The sync
// client sees only the Transport interface, as with the real network.
import type { Transport, TransportHandlers, TransportSocket } from '../../main/sync/transport';
import { createWsTransport } from '../../main/sync/ws-transport';

export interface FaultPlan {
  /** Client -> server text: return the frames to actually send now (may be [], or several). */
  outbound?: (text: string) => string[];
  /** Server -> client text: return the frames to deliver now. */
  inbound?: (text: string) => string[];
}

export class FaultyNetwork {
  online = true;
  plan: FaultPlan = {};
  /** Adds latency to every inbound frame (order preserved): a slow link. */
  inboundDelayMs = 0;
  /** Duplicate every frame, both ways. */
  duplicate = false;
  /** Hold the next push back and send it after the one after it (or after 30 ms). */
  reorderNextPush = false;
  private readonly sockets = new Set<{ socket: TransportSocket; kill(): void }>();
  private readonly inner: Transport;

  constructor(inner: Transport = createWsTransport()) {
    this.inner = inner;
  }

  /** Cuts every open connection (as if the cable was pulled) and refuses new ones. */
  goOffline(): void {
    this.online = false;
    for (const s of [...this.sockets]) s.kill();
  }

  goOnline(): void {
    this.online = true;
  }

  /** Cuts current connections once; new ones are allowed. */
  dropConnections(): void {
    for (const s of [...this.sockets]) s.kill();
  }

  readonly transport: Transport = (url, token, handlers) => {
    if (!this.online) {
      setTimeout(() => handlers.onClose({ code: 1006, reason: 'network is down', unauthorized: false }), 1);
      return { send: () => undefined, close: () => undefined };
    }
    let dead = false;
    let delivering = Promise.resolve();
    let held: string[] | null = null;
    const release = (): void => {
      const h = held;
      held = null;
      if (h !== null && !dead) for (const f of h) socket.send(f);
    };
    const wrapped: TransportHandlers = {
      onOpen: () => !dead && handlers.onOpen(),
      onMessage: (text) => {
        if (dead) return;
        const planned = this.plan.inbound ? this.plan.inbound(text) : [text];
        const frames = this.duplicate ? planned.flatMap((f) => [f, f]) : planned;
        // One chain for every frame: a delay holds back what follows too (a slow link, not a
        // reordering one; TCP never reorders within a connection).
        const delay = this.inboundDelayMs;
        delivering = delivering
          .then(() => (delay > 0 ? new Promise((r) => setTimeout(r, delay)) : undefined))
          .then(() => {
            for (const f of frames) if (!dead) handlers.onMessage(f);
          });
      },
      onClose: (info) => {
        if (dead) return;
        dead = true;
        this.sockets.delete(entry);
        handlers.onClose(info);
      },
    };
    const socket = this.inner(url, token, wrapped);
    const entry = {
      socket,
      kill: () => {
        socket.close();
        wrapped.onClose({ code: 1006, reason: 'connection cut', unauthorized: false });
      },
    };
    this.sockets.add(entry);
    return {
      send: (text) => {
        if (dead) return;
        const planned = this.plan.outbound ? this.plan.outbound(text) : [text];
        let frames = this.duplicate ? planned.flatMap((f) => [f, f]) : planned;
        if (text.startsWith('{"type":"push"')) {
          if (this.reorderNextPush && held === null) {
            this.reorderNextPush = false;
            held = frames;
            setTimeout(() => release(), 30);
            return;
          }
          if (held !== null) {
            frames = [...frames, ...held];
            held = null;
          }
        }
        for (const f of frames) socket.send(f);
      },
      close: (code, reason) => socket.close(code, reason),
    };
  };
}
