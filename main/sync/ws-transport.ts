// The real transport: a `ws` WebSocket with the token in an `Authorization: Bearer` header.
import WebSocket from 'ws';
import type { Transport, TransportCloseInfo } from './transport';

export interface WsTransportOptions {
  /** Refuse frames larger than this (bytes); the server's catch-up frames are ~1,000 rows. */
  maxPayload?: number;
  /** Give up opening after this long (ms). */
  handshakeTimeoutMs?: number;
}

export function createWsTransport(options: WsTransportOptions = {}): Transport {
  return (url, token, handlers) => {
    let closed = false;
    const finish = (info: TransportCloseInfo): void => {
      if (closed) return;
      closed = true;
      handlers.onClose(info);
    };
    const ws = new WebSocket(url, {
      headers: { Authorization: `Bearer ${token}` },
      maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
      handshakeTimeout: options.handshakeTimeoutMs ?? 10_000,
      perMessageDeflate: false,
    });
    ws.on('open', () => handlers.onOpen());
    ws.on('message', (data, isBinary) => {
      if (closed) return;
      const text = isBinary ? '' : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : data.toString('utf8');
      handlers.onMessage(text);
    });
    // Registering this listener makes ws hand us the refused upgrade instead of an error text.
    ws.on('unexpected-response', (req, res) => {
      const status = res.statusCode ?? 0;
      req.destroy();
      finish({ code: 1006, reason: `HTTP ${status} on upgrade`, unauthorized: status === 401 });
    });
    ws.on('error', (err) => finish({ code: 1006, reason: err.message, unauthorized: false }));
    ws.on('close', (code, reason) => finish({ code, reason: reason.toString('utf8'), unauthorized: false }));
    return {
      send(text) {
        if (ws.readyState === WebSocket.OPEN) ws.send(text);
      },
      close(code, reason) {
        if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
        else ws.close(code ?? 1000, reason);
      },
    };
  };
}
