export * from './board-gestures';
export * from './gesture-entry';
export * from './gesture-table';
export * from './place-changes';
export * from './selection-gestures';
/** What a gesture may throw: the model's refusal, and a lock's (caught by the interface). */
export { ModelError } from '../doc/model-error';
export { LockedError } from '../doc/lock-gate';
