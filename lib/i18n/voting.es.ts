import type { votingEn } from './voting.en';

/** Spanish strings of dot voting, typed against the English keys. */
export const votingEs: Record<keyof typeof votingEn, string> = {
  'vote.heading': 'Votación con puntos',
  'vote.start': 'Empezar una votación con puntos',
  'vote.dotsPerPerson': 'Puntos por persona',
  'vote.scope': 'Notas que se votan',
  'vote.scope.board': 'Todo el lienzo',
  'vote.open': 'Empezar la votación',
  'vote.close': 'Cerrar la votación y mostrar resultados',
  'vote.clear': 'Borrar los resultados',
  'vote.state.open': 'La votación está abierta: te quedan {left} de {total} puntos.',
  'vote.state.openViewer':
    'La votación está abierta. Los resultados aparecen cuando la persona facilitadora la cierra.',
  'vote.onlyBlock': 'Solo notas de {block}.',
  'vote.hidden': 'Solo ves tus puntos hasta que la persona facilitadora cierre la votación.',
  'vote.hint': 'Selecciona una nota y añade o quita tus puntos aquí.',
  'vote.selected': 'Tus puntos en esta nota: {count}',
  'vote.addDot': 'Añadir un punto',
  'vote.removeDot': 'Quitar un punto',
  'vote.results': 'Resultados',
  'vote.noDots': 'Nadie ha puesto un punto.',
  'vote.dots.one': '{count} punto',
  'vote.dots.other': '{count} puntos',
  'vote.refused': 'No se puede poner ese punto: {reason}',
} as const;
