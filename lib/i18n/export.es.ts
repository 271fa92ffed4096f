import type { exportEn } from './export.en';

/**
 * Spanish strings of exporting and importing boards. Typed against the English keys, so a
 * missing or misspelt key is a compile error.
 */
export const exportEs: Record<keyof typeof exportEn, string> = {
  // El menú Exportar de la barra superior del tablero
  'export.button': 'Exportar',
  'export.menu': 'Exportar este tablero',
  'export.png': 'Imagen (PNG)',
  'export.pdf': 'Documento PDF',
  'export.json': 'Archivo del tablero (JSON, para importarlo)',
  'export.csv': 'Notas en hoja de cálculo (CSV)',
  'export.markdown': 'Resumen (Markdown)',
  'export.working': 'Preparando el archivo…',
  'export.failed': 'No se pudo exportar el tablero. Inténtalo de nuevo.',

  // El resumen en Markdown
  'export.md.noNotes': 'Sin notas.',
  'export.md.labels': 'Etiquetas',
  'export.md.cost': '{amount} ({period})',

  // Importar desde la página de inicio
  'import.heading': 'Importar un tablero (JSON)',
  'import.hint':
    'Un archivo de tablero exportado de Lienzo se convierte en un tablero nuevo, contigo como facilitador.',
  'import.choose': 'Elegir un archivo de tablero…',
  'import.working': 'Importando…',
  'import.failed': 'Este archivo no se puede importar; no se ha creado ningún tablero.',
  'import.more.one': '…y {count} problema más.',
  'import.more.other': '…y {count} problemas más.',
  'import.problem.notJson': 'El archivo no es JSON.',
  'import.problem.notBoardFile': 'No es un archivo de tablero de Lienzo.',
  'import.problem.newerVersion':
    'El archivo lo creó una versión de Lienzo más reciente que este servidor. ({detail})',
  'import.problem.missing': '{at}: falta. ({detail})',
  'import.problem.invalid': '{at}: valor no válido. ({detail})',
  'import.problem.unknownField': '{at}: un campo que Lienzo no conoce.',
  'import.problem.duplicateId': '{at}: el mismo id aparece dos veces. ({detail})',
  'import.problem.linkTarget': '{at}: enlaza con una nota que no está en el archivo. ({detail})',
  'import.problem.tooMany': '{at}: demasiados. ({detail})',
  'import.problem.tooLarge': 'El archivo es demasiado grande para importarlo. ({detail})',
};
