// The shape of one mutator: a named intent with an args schema, the actors who may ask for it
// at all, and one implementation both sides run. Status rules are checked inside `run` by the
// status machine; `actors` is the coarse role -> mutation table.
import type { z } from 'zod';
import { DESK_ROLES, type Actor } from '../domain/vocabulary';
import type { MutatorContext, MutatorTx } from './mutator-tx';

export interface MutatorDef<S extends z.ZodType> {
  args: S;
  /** Who may call this mutator at all; anyone else is rejected with 'forbidden'. */
  actors: readonly Actor[];
  /** What the mutator does, for "A warehouse user can't <label>". */
  label: string;
  /** Throws MutationRejection for business rejections; must only touch the store through tx. */
  run(tx: MutatorTx, args: z.output<S>, ctx: MutatorContext): void;
}

export function defineMutator<S extends z.ZodType>(def: MutatorDef<S>): MutatorDef<S> {
  return def;
}

/** People at the dispatch desk: they may correct anything operational. */
export const DESK: readonly Actor[] = DESK_ROLES;
/** Machines acting on the server's behalf (integrations, the scheduler). */
export const MACHINES: readonly Actor[] = ['system'];
