// DOM ids more than one feature refers to (the keyboard shortcuts focus the queue's search box).
export const SEARCH_INPUT_ID = 'order-search';
