export * from './board-gestures';
export * from './gesture-entry';
export * from './gesture-table';
export * from './place-changes';
export * from './selection-gestures';
