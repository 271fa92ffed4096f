'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { EditorContent, Mark, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { isSafeLinkHref, normalizeLinkInput, NOTE_COLORS, type NoteRecord } from '@/lib/model';
import { LINK_REL, LINK_TARGET } from '@/lib/model/records';
import type { BoardActions } from '@/lib/react/use-board-actions';
import { rectToScreen, type Viewport } from '@/lib/view/viewport';
import { LinkIcon } from '@/components/ui/icons';
import { NOTE_FONT_FAMILY, NOTE_PADDING } from './fit-text';
import { keepOnlyLinkAddresses } from './pasted-links';
import styles from './note-editor.module.css';

type NoteFragment = NonNullable<ReturnType<BoardActions['noteText']>>;

export interface NoteEditorLabels {
  toolbar: string;
  bold: string;
  italic: string;
  bulletList: string;
  link: string;
  linkPrompt: string;
  linkInvalid: string;
  done: string;
}

// Rendered over whatever a link mark stores: the schema's own target and rel (records/rich-text.ts).
const NOTE_LINK_ATTRIBUTES = { target: LINK_TARGET, rel: LINK_REL };

/**
 * StarterKit whose Link renders our target and rel over whatever a link mark stores: Tiptap
 * lets a mark's own attributes win over the configured ones, and a peer can write any `rel`
 * (`opener`) or `target` into the shared document.
 */
const NoteStarterKit = StarterKit.extend({
  addExtensions() {
    return (this.parent?.() ?? []).map((extension) =>
      extension.name === 'link' && extension instanceof Mark
        ? extension.extend({
            renderHTML(props) {
              const HTMLAttributes = { ...props.HTMLAttributes, ...NOTE_LINK_ATTRIBUTES };
              return this.parent!({ ...props, HTMLAttributes });
            },
          })
        : extension,
    );
  },
});

/** The board's one history: the editor's undo keys and its opening act on it. */
export type NoteEditorHistory = Pick<BoardActions, 'undo' | 'redo' | 'startTyping'>;

interface NoteEditorProps {
  note: NoteRecord;
  fragment: NoteFragment;
  viewport: Viewport;
  labels: NoteEditorLabels;
  history: NoteEditorHistory;
  onClose(): void;
}

/** The undo or redo a key press asks for: the board's own keys (use-board-shortcuts.ts). */
function historyKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === 'z' || event.key === 'Z') return event.shiftKey ? 'redo' : 'undo';
  return event.key === 'y' ? 'redo' : null;
}

/**
 * Edits a note's rich text in place: a DOM editor laid exactly over the note on the canvas,
 * bound to the note's own Y.XmlFragment, so two people typing in one note merge their text.
 *
 * Undo is the board's, inside the editor too: the board's undo manager records this user's
 * typing (it tracks the editor's sync origin, lib/doc/undo.ts), so Ctrl/Cmd+Z here takes back
 * the same steps, in the same order, as the toolbar and the board's keys once the editor has
 * closed. Collaboration's own undo manager still exists (the extension always makes one) but
 * nothing calls it: these keys are caught first (a direct prop runs before plugin keymaps).
 */
export function NoteEditor({
  note,
  fragment,
  viewport,
  labels,
  history,
  onClose,
}: NoteEditorProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [linkError, setLinkError] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const historyRef = useRef(history);
  historyRef.current = history;

  // The typing of this session is its own undo step, apart from the gesture that opened it.
  const noteId = note.id;
  useEffect(() => historyRef.current.startTyping(noteId), [noteId]);

  const editor = useEditor(
    {
      immediatelyRender: false, // rendered by Next on the server first; Tiptap must wait
      autofocus: 'end',
      extensions: [
        NoteStarterKit.configure({
          undoRedo: false, // Collaboration brings its own history, aware of remote edits
          heading: false,
          codeBlock: false,
          horizontalRule: false,
          link: {
            openOnClick: false,
            autolink: true,
            protocols: ['mailto'],
            isAllowedUri: (url) => isSafeLinkHref(url),
            HTMLAttributes: NOTE_LINK_ATTRIBUTES,
          },
        }),
        Collaboration.configure({ fragment }),
      ],
      editorProps: {
        attributes: { 'data-testid': 'note-editor-content', 'aria-label': note.text || 'note' },
        transformPastedHTML: keepOnlyLinkAddresses,
        handleKeyDown: (_view, event) => {
          if (event.key === 'Escape') {
            closeRef.current();
            return true;
          }
          const step = historyKey(event);
          if (!step) return false;
          historyRef.current[step]();
          return true; // ProseMirror prevents the browser's own undo
        },
      },
    },
    [fragment],
  );

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  // A press anywhere outside the editor (the canvas, the panel) ends editing.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) closeRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const setLink = () => {
    if (!editor) return;
    const current = editor.getAttributes('link').href as string | undefined;
    const input = window.prompt(labels.linkPrompt, current ?? 'https://');
    if (input === null) return;
    if (input.trim() === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return;
    }
    const href = normalizeLinkInput(input);
    setLinkError(href === null);
    if (href) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  };

  const screen = rectToScreen(viewport, note);
  const button = (
    label: string,
    pressed: boolean,
    run: () => void,
    testId: string,
    text: ReactNode,
  ) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      data-testid={testId}
      className={pressed ? styles.active : undefined}
      onMouseDown={(e) => e.preventDefault() /* keep the editor's selection */}
      onClick={run}
    >
      {text}
    </button>
  );

  return (
    <div
      ref={rootRef}
      className={styles.root}
      style={{ left: screen.x, top: screen.y }}
      data-testid="note-editor"
    >
      <div className={styles.toolbar} role="toolbar" aria-label={labels.toolbar}>
        {button(
          labels.bold,
          active?.bold ?? false,
          () => editor?.chain().focus().toggleBold().run(),
          'format-bold',
          'B',
        )}
        {button(
          labels.italic,
          active?.italic ?? false,
          () => editor?.chain().focus().toggleItalic().run(),
          'format-italic',
          'I',
        )}
        {button(
          labels.bulletList,
          active?.bulletList ?? false,
          () => editor?.chain().focus().toggleBulletList().run(),
          'format-bullets',
          '•',
        )}
        {button(labels.link, active?.link ?? false, setLink, 'format-link', <LinkIcon size={14} />)}
        {button(labels.done, false, onClose, 'editor-done', '✓')}
        {linkError && (
          <span role="alert" className={styles.error}>
            {labels.linkInvalid}
          </span>
        )}
      </div>
      <div
        className={styles.sheet}
        style={{
          width: note.width,
          height: note.height,
          padding: NOTE_PADDING,
          background: NOTE_COLORS[note.color],
          fontFamily: NOTE_FONT_FAMILY,
          transform: `scale(${viewport.scale})`,
        }}
      >
        <EditorContent editor={editor} className={styles.content} />
      </div>
    </div>
  );
}
