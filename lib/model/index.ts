export * from './blocks';
export * from './colors';
export * from './geometry';
export * from './ids';
export * from './layout';
export * from './note';
export * from './schema';
export * from './links';
