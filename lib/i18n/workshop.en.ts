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
  'private.heading': 'Private writing',
  'private.start': 'Start private writing',
  'private.reveal': 'Reveal everyone’s notes',
  'private.hint':
    'While it is on, each person’s new notes are seen only by them, until you reveal them all at once.',
  'private.on':
    'Private writing: your new notes are seen only by you until the facilitator reveals them',
  'private.onViewer':
    'Private writing: the participants’ new notes appear when the facilitator reveals them',
  'private.revealed': '{count} private notes revealed',
  'private.held': '{count} stayed in their drafts: their block is locked',
  'private.revealFailed': 'The notes could not be revealed. Check the connection and try again.',
  'locks.heading': 'Locks',
  'locks.board': 'Lock the whole board',
  'locks.blocks': 'Lock single blocks',
  'locks.blocksLocked': 'Lock single blocks ({count} locked)',
  'locks.hint':
    'Editors cannot change a locked block; you still can. Votes and comments stay open.',
};
