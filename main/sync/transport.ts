// The connection loop's only edge to the network: open a socket, send text, be told what
// arrives and when it ends. The real one is ws-transport.ts; tests inject fakes.

export interface TransportCloseInfo {
  /** WebSocket close code (1006 when the connection failed or dropped without one). */
  code: number;
  reason: string;
  /** The server refused the token (HTTP 401 on the upgrade). */
  unauthorized: boolean;
}

export interface TransportHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called exactly once per socket, also when opening failed. */
  onClose(info: TransportCloseInfo): void;
}

export interface TransportSocket {
  send(text: string): void;
  /** Idempotent; onClose follows (asynchronously). */
  close(code?: number, reason?: string): void;
}

export type Transport = (url: string, token: string, handlers: TransportHandlers) => TransportSocket;
