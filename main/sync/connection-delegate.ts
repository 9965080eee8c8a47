// The connection loop's view of the rest of the sync client: what it asks for (hello
// parameters, pending mutations) and hands over (frames, positions, status). Every call is
// synchronous and self-contained: the loop never waits on the network inside one.
import type { Mutation, Positions, Welcome } from '../../shared/protocol';
import type { InboundFrame } from './apply-frames';

export type ConnectionStatus = 'offline' | 'connecting' | 'catching_up' | 'online' | 'incompatible' | 'unauthorized';

export interface HelloParams {
  clientId: string;
  cursor: number;
  lastAckedMid: number;
  /** The server epoch the cursor counts in; absent until a catch-up has completed once. */
  epoch?: string;
  /** The sync window (protocol 3): the history this desktop keeps, in days; absent = all of it. */
  historyDays?: number;
}

export interface FramesOutcome {
  caughtUp: boolean;
  /** Highest wire mid of the connection's identity the server has acknowledged. */
  lastAckedMid: number;
  /** This identity has nothing left to send but another one has: reconnect as that one. */
  switchIdentity: boolean;
}

export interface ConnectionDelegate {
  /** Called before each hello; starts a new inbound session. */
  hello(): HelloParams;
  /** 'reconnect' when the delegate changed identity or cursor after reading the welcome. */
  welcome(welcome: Welcome, hello: HelloParams): 'proceed' | 'reconnect';
  /** Applies a batch of frames in one transaction; throws if they cannot be applied. */
  frames(frames: InboundFrame[]): FramesOutcome;
  pending(clientId: string, afterMid: number, limit: number): Mutation[];
  /**
   * The server refused this clientId (it belongs to another user): take a new identity for
   * its pending rows; the loop reconnects at once.
   */
  identityRefused(clientId: string): void;
  positions(positions: Positions): void;
  status(status: ConnectionStatus, error: string | null): void;
}
