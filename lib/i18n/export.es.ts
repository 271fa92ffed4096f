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
  // Un problema de un archivo importado: {at} es dónde (una ruta de claves JSON), {value} lo
  // encontrado (JSON), {expected} una de las frases import.expected.* de abajo.
  'import.problem.notJson': 'El archivo no es JSON.',
  'import.problem.notBoardFile':
    'No es un archivo de tablero de Lienzo (su "format" debe ser "lienzo-board").',
  'import.problem.newerVersion':
    'El archivo tiene la versión de formato {value}, más reciente de las que lee este servidor (hasta la {max}).',
  'import.problem.missing': '{at}: falta; debe ser {expected}.',
  'import.problem.invalid': '{at}: {value} no es válido; debe ser {expected}.',
  'import.problem.unknownField': '{at}: un campo que Lienzo no conoce.',
  'import.problem.duplicateId': '{at}: {value} aparece dos veces.',
  'import.problem.linkTarget': '{at}: {value} no es una nota de este archivo.',
  'import.problem.tooMany': '{at}: demasiados; admite {expected}.',
  'import.problem.tooLarge':
    'El archivo pesa más de {max} MiB, el máximo de un archivo de tablero.',
  'import.expected.object': 'un objeto',
  'import.expected.list': 'una lista',
  'import.expected.noteIds': 'una lista de ids de notas',
  'import.expected.links': '{ "channels": [...], "segments": [...] }',
  'import.expected.number': 'un número finito',
  'import.expected.wholeNumber': 'un número entero desde {min}',
  'import.expected.text': 'texto',
  'import.expected.boolean': 'true o false',
  'import.expected.block': 'uno de los nueve ids de bloque',
  'import.expected.color': 'el nombre de un color de la paleta',
  'import.expected.noteId': 'un id de nota (note_ y 16 letras, cifras, _ o -)',
  'import.expected.commentId': 'un id de comentario (cmt_ y 16 letras, cifras, _ o -)',
  'import.expected.label': 'un valor que esta etiqueta admite',
  'import.expected.size': 'un número de {min} a {max}',
  'import.expected.onCanvas': 'una posición en el lienzo (más o menos el tamaño de una nota)',
  'import.expected.shortText': 'texto de {max} caracteres como máximo',
  'import.expected.shortTextOrNull': 'null, o texto de {max} caracteres como máximo',
  'import.expected.commentText':
    'texto de {min} a {max} caracteres, sin espacios al principio ni al final',
  'import.expected.nullUnlessResolved': 'null mientras el hilo no esté resuelto',
  'import.expected.richText': '{ "type": "doc", "content": [...] }',
  'import.expected.nodeType': 'un tipo de nodo que el editor de notas conoce',
  'import.expected.markType': 'un tipo de marca que el editor de notas conoce',
  'import.expected.safeLink': 'una dirección http, https o mailto',
  'import.expected.nonEmptyText': 'texto no vacío',
  'import.expected.attrName': 'un nombre de atributo (una letra, y luego letras, cifras, _ o -)',
  'import.expected.attrValue': 'texto, un número, true, false o null',
  'import.expected.maxLinks': '{max} enlaces como máximo',
  'import.expected.maxNotes': '{max} notas como máximo',
  'import.expected.maxComments': '{max} comentarios como máximo',
  'import.expected.maxNodes': '{max} nodos como máximo',
  'import.expected.maxChars': '{max} caracteres como máximo',
  'import.expected.maxDepth': '{max} niveles de anidamiento como máximo',
  'import.expected.maxAttrs': '{max} atributos como máximo',
};
