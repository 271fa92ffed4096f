'use client';

/**
 * The board title, editable in place: Enter or leaving the field renames the board, Esc puts
 * the current title back. While the field is not being edited it follows `title`, so
 * renames by other people show up.
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { MAX_TITLE_LENGTH } from '@/lib/model/schema';
import { useI18n } from '@/lib/react/i18n';
import styles from './board-title-input.module.css';

export interface BoardTitleInputProps {
  title: string;
  /** Called with the trimmed new title, only when it differs from `title`. */
  onRename: (title: string) => void;
  /** Viewers see the title but cannot change it. */
  readOnly?: boolean;
}

/** Whitespace collapsed and trimmed, as lib/model's cleanTitle stores it. */
function tidy(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

export function BoardTitleInput({ title, onRename, readOnly = false }: BoardTitleInputProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null); // null: not editing
  const cancelled = useRef(false);

  const commit = () => {
    if (draft === null) return;
    const next = tidy(draft).slice(0, MAX_TITLE_LENGTH);
    setDraft(null);
    // An emptied title is a slip more often than a wish: keep the current one.
    if (next !== '' && next !== title) onRename(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation(); // typing here must not trigger board shortcuts
    if (event.nativeEvent.isComposing) return; // Enter confirms an IME composition
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelled.current = true;
      event.currentTarget.blur();
    }
  };

  const onBlur = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(null);
      return;
    }
    commit();
  };

  return (
    <input
      className={styles.input}
      value={draft ?? title}
      maxLength={MAX_TITLE_LENGTH}
      aria-label={t('board.titleLabel')}
      title={draft === null ? title : undefined}
      spellCheck={false}
      autoComplete="off"
      data-testid="board-title"
      readOnly={readOnly}
      onFocus={() => !readOnly && setDraft(title)}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
