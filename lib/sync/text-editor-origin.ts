import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * The origins the note editor (Tiptap's Collaboration extension) writes this user's typing
 * with: its sync binding runs every write in `doc.transact(fn, ySyncPluginKey)`, the same
 * object for every editor on the page. Only an editor open in this browser writes with it
 * (a peer's typing arrives with the provider as origin), so the undo manager of each document
 * this page edits tracks it (lib/doc/undo.ts).
 */
export const TEXT_EDITOR_ORIGINS: readonly unknown[] = [ySyncPluginKey];
