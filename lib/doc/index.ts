export * from './board-doc';
export * from './board-json';
export * from './migrations';
export * from './note-text';
export * from './notes';
export * from './origins';
export * from './read-board';
export * from './undo';
