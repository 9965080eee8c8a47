// Commands: each becomes one named mutation (shared/mutators) run through the sync client,
// which applies it to the replica at once and queues it for the server. A local refusal
// (the same rules the server runs) comes back as a CommandResult and changes nothing.
import type { CommandResult } from '../../shared/api/define';
import type { ApiParsedRequest } from '../../shared/api/contract';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry';
import type { ReadonlyReplica } from '../db/open-replica';
import { statusBeforeProblem } from '../db/queries/status-before-problem';
import type { SyncLink } from '../sync/sync-link';

export async function runCommand<N extends MutatorName>(link: SyncLink, name: N, args: MutatorArgs<N>): Promise<CommandResult> {
  const sync = link.current();
  if (!sync) {
    return { ok: false, code: 'unavailable', message: 'No server is configured: set the server address and token in Settings' };
  }
  const out = sync.mutate(name, args);
  if (!out.ok) return out;
  // "Saved" only once the edit is on disk; the edits of one turn share that fsync.
  await sync.durable();
  return { ok: true, mid: out.mid };
}

export function orderCommands(link: SyncLink, replica: ReadonlyReplica) {
  return {
    confirmOrder: (a: ApiParsedRequest<'confirmOrder'>) => runCommand(link, 'confirmOrder', a),
    assignDriver: (a: ApiParsedRequest<'assignDriver'>) => runCommand(link, 'assignDriver', a),
    unassignDriver: (a: ApiParsedRequest<'unassignDriver'>) => runCommand(link, 'unassignDriver', a),
    reportProblem: (a: ApiParsedRequest<'reportProblem'>) =>
      runCommand(link, 'reportProblem', { orderId: a.orderId, reason: a.reason, comment: a.comment === '' ? null : a.comment, source: 'manual' }),
    async resolveProblem(a: ApiParsedRequest<'resolveProblem'>): Promise<CommandResult> {
      let to = a.to;
      if (to === undefined) {
        const row = statusBeforeProblem(replica, a.orderId);
        if (!row) return { ok: false, code: 'not_found', message: `Order ${a.orderId} does not exist` };
        if (!row.before) return { ok: false, code: 'invalid_request', message: 'Say which status the order goes to: its status before the problem is unknown' };
        to = row.before;
      }
      return runCommand(link, 'resolveProblem', { orderId: a.orderId, to, comment: a.comment === '' ? null : a.comment });
    },
    addComment: (a: ApiParsedRequest<'addComment'>) => runCommand(link, 'addComment', a),
    cancelOrder: (a: ApiParsedRequest<'cancelOrder'>) => runCommand(link, 'cancelOrder', a),
    setDriverShift: (a: ApiParsedRequest<'setDriverShift'>) =>
      runCommand(link, 'setDriverShift', { driverId: a.driverId, state: a.shiftState }),
    markPicked: (a: ApiParsedRequest<'markPicked'>) => runCommand(link, 'markPicked', a),
  };
}
