export * from './board-markdown';
export * from './export-board';
export * from './file-name';
export * from './format';
export * from './import-board';
export * from './issues';
export * from './notes-csv';
export * from './parse-board-file';
