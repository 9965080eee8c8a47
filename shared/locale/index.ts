// shared/locale: the one formatter (dates, times, numbers, durations, units) and the plural
// helper, pure Intl, importable from renderer, main and server alike.
export * from './locale';
export * from './plural';
export * from './format';
export * from './message';
export * from './parse-input';
