// What a mutation was, in 32 hex characters: the server puts it in every ack (also a re-ack
// of a mid it ran before), and the desktop compares it with the outbox row the ack would
// drop. A mismatch means the server ran something else under that mid (another replica spoke
// with this clientId): the edit is kept and resent under a new identity, never dropped.
import { sha256Hex } from '../crypto/sha256';

export function mutationDigest(m: { name: string; args: unknown; at: number }): string {
  // JSON as it travels: the server hashes the args it parsed, the desktop the args it sent,
  // and JSON.parse/stringify round-trips them to the same text.
  return sha256Hex(JSON.stringify([m.name, m.args ?? null, m.at])).slice(0, 32);
}
