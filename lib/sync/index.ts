export * from './connect-board';
export * from './presence';
export * from './connect-draft';
