// English words for the vocabulary, used in the status machine's error messages. The names of
// statuses, sub-marks and reasons are vocabulary-words.ts's, so an error message and a button
// never name a status differently.
import type { Actor, OrderStatus, ProblemReason, SubMark } from './vocabulary';
import { REASON_WORDS, STATUS_WORDS, SUB_MARK_WORDS } from './vocabulary-words';

export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = STATUS_WORDS.en;

/** Subject of a sentence: "A warehouse user can't confirm orders". */
export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  system: 'The system',
  dispatcher: 'A dispatcher',
  logistician: 'A logistician',
  warehouse: 'A warehouse user',
  driver: 'A driver',
  gps: 'GPS',
  courier: 'A courier service',
  accounting: 'Accounting',
  supervisor: 'A supervisor',
  admin: 'An admin',
  integration: 'An integration',
};

/** What moving an order into a status means, as a verb phrase: "can't <phrase>". */
export const STATUS_ACTION_LABELS: Readonly<Record<OrderStatus, string>> = {
  new: 'return orders to New',
  confirmed: 'confirm orders',
  at_warehouse: 'mark orders picked at the warehouse',
  in_transit: 'send orders on the way',
  delivered: 'mark orders delivered',
  problem: 'report a problem',
  closed: 'close orders',
  cancelled: 'cancel orders',
};

export const SUB_MARK_LABELS: Readonly<Record<SubMark, string>> = SUB_MARK_WORDS.en;

export const PROBLEM_REASON_LABELS: Readonly<Record<ProblemReason, string>> = REASON_WORDS.en;
