// The sync protocol: message schemas, versions and parsing. The protocol itself is stated
// in the header of ./messages.ts.
export * from './messages';
export * from './versions';
export * from './parse';
export * from './mutation-digest';
export * from './sync-window';
