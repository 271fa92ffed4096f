import { exportEn } from './export.en';
import { insightsEn } from './insights.en';
import { relationshipEn } from './relationship.en';
import { votingEn } from './voting.en';
import { workshopEn } from './workshop.en';
import { reviewEn } from './review.en';

/**
 * English interface strings: the reference dictionary. Every key here must also exist in es.ts
 * (the type system enforces it). Placeholders are written {name} and filled by interpolate().
 * Keys are grouped by the screen or component that shows them.
 */
export const en = {
  // App
  'app.name': 'Lienzo',
  'app.tagline': 'Fill in a Business Model Canvas together, in real time.',
  'app.home': 'Lienzo home page',

  // Language switch (each language named in itself, so it reads right in either interface)
  'language.label': 'Language',
  'language.en': 'English',
  'language.es': 'Español',

  // Home page
  'home.example.open': 'Open the example board',
  'home.example.hint': 'A complete canvas with every customer relationship labelled and linked.',
  'home.newBoard.heading': 'New board',
  'home.newBoard.titleLabel': 'Board title',
  'home.newBoard.titlePlaceholder': 'e.g. Coffee subscriptions for offices',
  'home.newBoard.titleHint': 'Optional, up to {max} characters. You can rename it later.',
  'home.newBoard.submit': 'Create board',
  'home.newBoard.creating': 'Creating…',
  'home.newBoard.defaultTitle': 'Untitled board',
  'home.recent.heading': 'Boards opened in this browser',
  'home.recent.empty': 'No boards yet. Create one above, then share its link with your team.',
  'home.recent.privacy': 'This list is kept only in this browser.',
  'home.recent.openedAt': 'Opened {when}',

  // The nine blocks: titles and the faint guiding question shown while a block is empty
  'block.keyPartners.title': 'Key Partners',
  'block.keyPartners.question':
    'Who are our key partners and suppliers, and what do they do for us?',
  'block.keyActivities.title': 'Key Activities',
  'block.keyActivities.question': 'What must we do really well to deliver our value proposition?',
  'block.keyResources.title': 'Key Resources',
  'block.keyResources.question':
    'Which assets does the model depend on: people, technology, money, brand?',
  'block.valuePropositions.title': 'Value Propositions',
  'block.valuePropositions.question':
    'Which problem do we solve, and what value do we deliver to each segment?',
  'block.customerRelationships.title': 'Customer Relationships',
  'block.customerRelationships.question':
    'What relationship does each segment expect, and over which channel?',
  'block.channels.title': 'Channels',
  'block.channels.question':
    'Through which channels do we reach each segment, and which work best?',
  'block.customerSegments.title': 'Customer Segments',
  'block.customerSegments.question':
    'For whom are we creating value? Who are our most important customers?',
  'block.costStructure.title': 'Cost Structure',
  'block.costStructure.question':
    'What are the most important costs, and which activities and resources drive them?',
  'block.revenueStreams.title': 'Revenue Streams',
  'block.revenueStreams.question': 'What are customers willing to pay for, and how do they pay?',

  // Left toolbar
  'tool.group': 'Tools',
  'tool.select': 'Select',
  'tool.note': 'New note',
  'tool.connect': 'Link a relationship to a channel or segment',
  'tool.pan': 'Pan',

  // Zoom and history bar
  'zoom.group': 'Zoom and history',
  'zoom.in': 'Zoom in',
  'zoom.out': 'Zoom out',
  'zoom.fit': 'Fit board to screen',
  'zoom.level': 'Zoom level: {percent}',
  'history.undo': 'Undo',
  'history.redo': 'Redo',

  // Keyboard shortcuts as shown in tooltips
  'shortcut.select': 'V',
  'shortcut.note': 'N',
  'shortcut.connect': 'C',
  'shortcut.pan': 'H, or hold Space',
  'shortcut.zoomIn': 'Ctrl/Cmd + +',
  'shortcut.zoomOut': 'Ctrl/Cmd + -',
  'shortcut.fit': 'Ctrl/Cmd + 0',
  'shortcut.undo': 'Ctrl/Cmd + Z',
  'shortcut.redo': 'Shift + Ctrl/Cmd + Z',
  'shortcut.edit': 'Enter',

  // Connection
  'connection.label': 'Connection',
  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.offline': 'Offline — edits kept on this device',
  'connection.revoked': 'Link revoked — ask for the new one',
  'connection.outdated': 'Lienzo was updated — reload to keep working',
  'connection.reload': 'Reload',

  // Presence
  'presence.label': 'People on this board',
  'presence.you': '{name} (you)',
  'presence.more': '{count} more: {names}',

  // Board title in the top bar
  'board.titleLabel': 'Board title',

  // The canvas and the note text editor
  'board.canvasLabel': 'Business Model Canvas. Tab moves between notes; press ? for shortcuts.',
  'board.connectRefused':
    'A link goes from a Customer Relationships note to a Channels or Customer Segments note.',
  'board.dismiss': 'Dismiss',
  'editor.toolbar': 'Text formatting',
  'editor.bold': 'Bold (Ctrl/Cmd + B)',
  'editor.italic': 'Italic (Ctrl/Cmd + I)',
  'editor.bulletList': 'Bulleted list',
  'editor.link': 'Link',
  'editor.linkPrompt': 'Link address (leave it empty to remove the link):',
  'editor.linkInvalid': 'That is not a web or email address.',
  'editor.done': 'Done (Esc)',

  // Name dialog
  'nameDialog.title': 'What should we call you?',
  'nameDialog.description':
    'Your name is shown next to your cursor and on the notes you create. Everyone on the board sees it.',
  'nameDialog.label': 'Your name',
  'nameDialog.hint': 'Up to {max} characters.',
  'nameDialog.required': 'Please enter a name.',
  'nameDialog.submit': 'Join the board',
  'identity.guestName': 'Guest {number}',

  // Share
  'share.button': 'Share',
  'share.tooltip': 'Copy this board’s link. Anyone with the link can view and edit.',
  'share.tooltipViewer': 'Copy this board’s view-only link.',
  'share.tooltipFacilitator': 'Share this board: the editor and viewer links.',
  'share.dialogTitle': 'Share this board',
  'share.dialogIntro':
    'Each link opens the board in one role. Anyone who has a link can use it, so share each with the right people.',
  'share.role.facilitator': 'Facilitator (you)',
  'share.role.facilitatorHint': 'Full control, including these links. Keep it to yourself.',
  'share.role.editor': 'Editor',
  'share.role.editorHint': 'Can add, move, write and delete notes.',
  'share.role.viewer': 'Viewer',
  'share.role.viewerHint':
    'Sees everything live and appears in the presence list; changes nothing.',
  'share.copy': 'Copy',
  'share.regenerate': 'Regenerate',
  'share.regenerateConfirm':
    'Everyone who joined with the current {role} link will be disconnected, and that link will stop working. Continue?',
  'share.regenerateYes': 'Yes, regenerate',
  'share.cancel': 'Cancel',
  'share.close': 'Close',
  'share.loading': 'Loading the links…',
  'share.loadFailed': 'Could not load the links. Check your connection and try again.',
  'share.regenerated': 'New link created. The old one no longer works.',
  'share.regenerateFailed': 'Could not regenerate the link. Try again.',

  // Roles
  'role.viewOnly': 'View only',
  'role.viewOnlyHint': 'You opened this board with a view-only link: you can look, not change.',
  'role.viewOnlyRefused': 'View only: your changes are not saved.',
  'role.facilitatorOnlyRefused':
    'Only the facilitator can change the timer, locks and private writing.',
  'sync.changeRejected':
    'Your last change could not be saved, so the board was reloaded from the server.',
  'access.title': 'You need a link to open this board',
  'access.message':
    'Boards open only through a link shared by their facilitator. This address has no valid key: it may be incomplete, or the link was replaced by a new one.',
  'access.ask': 'Ask the person who invited you for the current link.',
  'share.copied': 'Link copied',
  'share.failed': 'Could not copy. Copy the address from the address bar instead.',

  // Help dialog
  'help.button': 'Keyboard shortcuts and help',
  'help.title': 'Keyboard shortcuts',
  'help.intro': 'Shortcuts work when the board has focus, not while you type in a field.',
  'help.close': 'Close',
  'help.keysColumn': 'Keys',
  'help.actionColumn': 'Action',
  'help.action.selectTool': 'Select tool',
  'help.action.panTool': 'Pan tool',
  'help.action.connectTool':
    'Connector tool: drag from a relationship note to a channel or segment note',
  'help.action.newNote': 'New note at the pointer, or in the selected block',
  'help.action.edit': 'Edit the selected note’s text',
  'help.action.leave': 'Stop editing, or clear the selection',
  'help.action.delete': 'Delete the selection',
  'help.action.duplicate': 'Duplicate the selection',
  'help.action.bringToFront': 'Bring the selection to the front, above every other note',
  'help.action.undo': 'Undo your last change',
  'help.action.redo': 'Redo',
  'help.action.nudge': 'Nudge the selection (with Shift, in bigger steps)',
  'help.action.nextNote': 'Select the next / previous note',
  'help.action.fit': 'Fit the board to the screen',
  'help.action.zoomIn': 'Zoom in',
  'help.action.zoomOut': 'Zoom out',
  'help.action.pan': 'Pan the board',
  'help.action.help': 'Show this list of shortcuts',
  'help.action.wheelZoom': 'Zoom at the pointer',
  'help.note': 'Only your own changes are undone; other people’s edits are never reverted.',

  // Key names in the help dialog
  'key.or': 'or',
  'key.ctrlCmd': 'Ctrl/Cmd',
  'key.shift': 'Shift',
  'key.enter': 'Enter',
  'key.esc': 'Esc',
  'key.delete': 'Delete',
  'key.backspace': 'Backspace',
  'key.tab': 'Tab',
  'key.space': 'Space',
  'key.arrows': 'Arrow keys',
  'key.doubleClick': 'Double-click',
  'key.drag': 'drag',
  'key.wheel': 'mouse wheel',

  // Side panel
  'side.tabs': 'Side panel',
  'side.tab.note': 'Selection',
  'side.tab.overview': 'Relationships',
  'side.segmentColors': 'Colour relationships by their segment',
  'side.focus': 'Focus the board: filter and colours',
  'panel.label': 'Selection details',
  'panel.emptyHint': 'Select a note to see and change its colour, text and details.',
  'panel.noteCount.one': '{count} note on this board',
  'panel.noteCount.other': '{count} notes on this board',
  'panel.oneNote': 'Selected note',
  'panel.manyNotes': '{count} notes selected',
  'panel.block': 'Block',
  'panel.color': 'Colour',
  'panel.author': 'Created by',
  'panel.unknownAuthor': 'Unknown',
  'panel.created': 'Created',
  'panel.text': 'Text',
  'panel.noText': 'No text yet.',
  'panel.editText': 'Edit text',
  'panel.duplicate': 'Duplicate',
  'panel.delete': 'Delete',
  'panel.bringToFront': 'Bring to front',

  // Note colours (lib/model/colors.ts)
  'color.yellow': 'Yellow',
  'color.orange': 'Orange',
  'color.pink': 'Pink',
  'color.purple': 'Purple',
  'color.blue': 'Blue',
  'color.green': 'Green',
  'color.teal': 'Teal',
  'color.gray': 'Grey',

  // Errors
  'error.notFoundTitle': 'Board not found',
  'error.boardNotFound': 'This board does not exist, or its link is incomplete.',
  'error.createFailed': 'Could not create the board. Please try again.',
  'error.titleTooLong': 'The title can be at most {max} characters.',
  'error.serverUnreachable': 'Cannot reach the server. Check your connection and try again.',
  'error.backHome': 'Back to the home page',
  ...relationshipEn,
  ...workshopEn,
  ...reviewEn,
  ...insightsEn,
  ...votingEn,
  ...exportEn,
} as const;

/** Every message key; `t()` accepts only these. */
export type MessageKey = keyof typeof en;

/** A full dictionary: every English key, translated. */
export type Messages = Record<MessageKey, string>;
