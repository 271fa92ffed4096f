/**
 * English strings of the facilitator's workshop tools: for now the notice shown after the
 * server refused a change to a locked block. Spread into en.ts.
 */
export const workshopEn = {
  'workshop.refused': 'Your last change was refused: this block is locked by the facilitator',
};
