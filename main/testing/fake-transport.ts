// A scripted transport for connection tests: records what the client sends and lets the
// test play the server (open, messages, close) one step at a time.
import type { ServerMessage } from '../../shared/protocol';
import type { Transport, TransportCloseInfo, TransportHandlers } from '../sync/transport';

export class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;

  constructor(
    readonly url: string,
    readonly token: string,
    private readonly handlers: TransportHandlers,
  ) {}

  open(): void {
    this.handlers.onOpen();
  }

  receive(message: ServerMessage | string): void {
    this.handlers.onMessage(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The server (or network) ends the connection. */
  end(info: Partial<TransportCloseInfo> = {}): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.onClose({ code: info.code ?? 1006, reason: info.reason ?? '', unauthorized: info.unauthorized ?? false });
  }

  /** Messages the client sent, parsed, optionally of one type. */
  sentOf<T extends string>(type: T): Array<Record<string, unknown> & { type: T }> {
    return this.sent.filter((m): m is Record<string, unknown> & { type: T } => (m as { type?: unknown }).type === type);
  }
}

export class FakeTransport {
  readonly sockets: FakeSocket[] = [];

  readonly transport: Transport = (url, token, handlers) => {
    const socket = new FakeSocket(url, token, handlers);
    this.sockets.push(socket);
    return {
      send: (text) => {
        if (!socket.closed) socket.sent.push(JSON.parse(text) as unknown);
      },
      close: () => {
        socket.closed = true;
      },
    };
  };

  get last(): FakeSocket {
    const s = this.sockets[this.sockets.length - 1];
    if (s === undefined) throw new Error('no socket opened yet');
    return s;
  }
}
