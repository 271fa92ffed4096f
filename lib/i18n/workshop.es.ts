import type { workshopEn } from './workshop.en';

/** Spanish strings of the workshop tools, typed against the English keys. */
export const workshopEs: Record<keyof typeof workshopEn, string> = {
  'workshop.refused':
    'Tu último cambio fue rechazado: este bloque está bloqueado por quien facilita',
  'workshop.boardLockedRefusal':
    'Quien facilita ha bloqueado el lienzo: aún puedes mirar, votar y comentar',
  'workshop.blockLockedRefusal': 'Quien facilita ha bloqueado este bloque',
  'workshop.lockedBlockTitle': '{title} (bloqueado)',
  'workshop.boardLocked': 'Lienzo bloqueado',
  'timer.heading': 'Temporizador',
  'timer.minutes': 'Minutos',
  'timer.start': 'Iniciar',
  'timer.resume': 'Reanudar',
  'timer.pause': 'Pausar',
  'timer.reset': 'Reiniciar',
  'timer.label': 'Temporizador del taller',
  'timer.paused': 'En pausa',
  'timer.timesUp': 'Se acabó el tiempo',
  'private.heading': 'Escritura privada',
  'private.start': 'Empezar escritura privada',
  'private.reveal': 'Revelar las notas de todos',
  'private.hint':
    'Mientras dure, cada persona ve solo sus propias notas nuevas, hasta que las reveles todas a la vez.',
  'private.on':
    'Escritura privada: solo tú ves tus notas nuevas hasta que quien facilita las revele',
  'private.onViewer':
    'Escritura privada: las notas nuevas aparecerán cuando quien facilita las revele',
  'private.revealed': '{count} notas privadas reveladas',
  'private.held': '{count} siguen en sus borradores: su bloque está bloqueado',
  'private.revealFailed':
    'No se pudieron revelar las notas. Revisa la conexión e inténtalo de nuevo.',
  'locks.heading': 'Bloqueos',
  'locks.board': 'Bloquear todo el lienzo',
  'locks.blocks': 'Bloquear bloques sueltos',
  'locks.blocksLocked': 'Bloquear bloques sueltos ({count} bloqueados)',
  'locks.hint':
    'Quien edita no puede cambiar un bloque bloqueado; tú sí. Los votos y comentarios siguen abiertos.',
};
