/**
 * English strings of the facilitator's timer and locks. Spread into en.ts.
 */
export const workshopEn = {
  'workshop.refused': 'Your last change was refused: this block is locked by the facilitator',
  'workshop.boardLockedRefusal':
    'The facilitator has locked the board: you can still look, vote and comment',
  'workshop.blockLockedRefusal': 'This block is locked by the facilitator',
  'workshop.lockedBlockTitle': '{title} (locked)',
  'workshop.boardLocked': 'Board locked',
  'timer.heading': 'Timer',
  'timer.minutes': 'Minutes',
  'timer.start': 'Start',
  'timer.resume': 'Resume',
  'timer.pause': 'Pause',
  'timer.reset': 'Reset',
  'timer.label': 'Workshop timer',
  'timer.paused': 'Paused',
  'timer.timesUp': 'Time’s up',
  'locks.heading': 'Locks',
  'locks.board': 'Lock the whole board',
  'locks.blocks': 'Lock single blocks',
  'locks.hint':
    'Editors cannot change a locked block; you still can. Votes and comments stay open.',
};
