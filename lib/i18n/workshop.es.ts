import type { workshopEn } from './workshop.en';

/** Spanish strings of the workshop tools, typed against the English keys. */
export const workshopEs: Record<keyof typeof workshopEn, string> = {
  'workshop.refused':
    'Tu último cambio fue rechazado: este bloque está bloqueado por quien facilita',
};
