/**
 * The board's tools: select (and move), new note, connector (a relationship note to its
 * channel or segment), pan. One is active at a time.
 */
export type Tool = 'select' | 'note' | 'connect' | 'pan';
