// Mutators: named intents with one implementation that the server runs for real and the
// desktop runs optimistically. See mutator-tx.ts for the contract each side implements.
export * from './mutator-tx';
export * from './define-mutator';
export * from './registry';
export { normalizePhone } from './carriers';
