// What a feature's handlers get from createApi (main/carriers uses it for the carrier methods):
// the replica to read, a way to run a mutation as a command, the clock and the current actor.
import type { Logger } from '../../platform/log/logger';
import type { CommandResult } from '../../shared/api/define';
import type { Actor } from '../../shared/domain/vocabulary';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry';
import type { ReadonlyReplica } from '../db/open-replica';

export interface HandlerContext {
  replica: ReadonlyReplica;
  /** Applies the mutation locally and queues it for the server (see order-commands.ts). */
  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<CommandResult>;
  now(): number;
  actor(): Actor | null;
  /** The signed-in user's id, or null before the server has welcomed us once. */
  userId(): string | null;
  logger: Logger;
}
