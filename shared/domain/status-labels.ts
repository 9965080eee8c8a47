// English words for the vocabulary, used in the status machine's error messages and
// available to the UI. One place, so an error message and a button never name a status differently.
import type { Actor, OrderStatus, ProblemReason, SubMark } from './vocabulary';

export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  new: 'New',
  confirmed: 'Confirmed',
  at_warehouse: 'At warehouse',
  in_transit: 'In transit',
  delivered: 'Delivered',
  problem: 'Problem',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

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

export const SUB_MARK_LABELS: Readonly<Record<SubMark, string>> = {
  left_warehouse: 'Left the warehouse',
  on_route: 'On route',
  arrived: 'Arrived at the point',
};

export const PROBLEM_REASON_LABELS: Readonly<Record<ProblemReason, string>> = {
  refused: 'Recipient refused',
  damaged: 'Goods damaged',
  short_delivery: 'Short delivery',
  address_not_found: 'Address not found',
  recipient_unreachable: 'Recipient unreachable',
  vehicle_breakdown: 'Vehicle breakdown',
  delay: 'Delay',
  other: 'Other',
};
