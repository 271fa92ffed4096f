'use client';
import { useId, useState } from 'react';
import { MAX_COMMENT_LENGTH } from '@/lib/model';
import styles from './comments.module.css';

export interface CommentFormProps {
  label: string;
  placeholder?: string;
  submit: string;
  /** data-testid prefix: `<testId>-input`, `<testId>-submit`. */
  testId: string;
  /** A smaller box (a reply inside a thread). */
  compact?: boolean;
  onSubmit(text: string): void;
}

/** A labelled text box and its button; Ctrl/Cmd+Enter sends too. Empty text sends nothing. */
export function CommentForm(props: CommentFormProps) {
  const [text, setText] = useState('');
  const id = useId();
  const send = () => {
    if (text.trim() === '') return;
    props.onSubmit(text);
    setText('');
  };
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className={props.compact ? styles.srOnly : styles.label}>
        {props.label}
      </label>
      <textarea
        id={id}
        value={text}
        rows={props.compact ? 1 : 3}
        maxLength={MAX_COMMENT_LENGTH}
        placeholder={props.placeholder ?? props.label}
        className={styles.input}
        data-testid={`${props.testId}-input`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Keys typed here are text, not board shortcuts.
          event.stopPropagation();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button
        type="submit"
        className={styles.primary}
        disabled={text.trim() === ''}
        data-testid={`${props.testId}-submit`}
      >
        {props.submit}
      </button>
    </form>
  );
}
