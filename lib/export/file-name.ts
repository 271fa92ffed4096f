/**
 * File names of exports, from the board title: "Coffee for offices" → "coffee-for-offices.pdf".
 * Accents are folded (so "Señal" is "senal"), anything a file system could refuse is dropped,
 * and an empty result falls back to "lienzo-board".
 */
export type ExportKind = 'png' | 'pdf' | 'json' | 'csv' | 'md';

const EXTENSIONS: Readonly<Record<ExportKind, string>> = {
  png: 'png',
  pdf: 'pdf',
  json: 'lienzo.json',
  csv: 'csv',
  md: 'md',
};
const MAX_STEM = 80;
const FALLBACK = 'lienzo-board';

export function exportFileName(title: string, kind: ExportKind): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  return `${stem || FALLBACK}.${EXTENSIONS[kind]}`;
}
