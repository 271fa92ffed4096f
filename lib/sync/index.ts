export * from './connect-board';
export * from './presence';
