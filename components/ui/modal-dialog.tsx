'use client';

/**
 * A modal dialog on the native <dialog> element: the rest of the page is inert while it is
 * open, Tab cycles inside it, focus goes back where it was on close, and key presses inside
 * never reach the board's shortcuts. The dialog exists in the DOM only while open.
 */
import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode, SyntheticEvent } from 'react';
import styles from './modal-dialog.module.css';

export interface ModalDialogProps {
  open: boolean;
  /** Esc, a click on the backdrop. Omit it for a dialog that needs an answer to close. */
  onClose?: () => void;
  /** Id of the element naming the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  testId?: string;
  /** Room for a table (the help dialog); forms use the default width. */
  wide?: boolean;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ModalDialog({ open, ...props }: ModalDialogProps) {
  return open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({
  onClose,
  labelledBy,
  describedBy,
  testId,
  wide,
  children,
}: Omit<ModalDialogProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
    if (first) {
      first.focus();
      if (first instanceof HTMLInputElement) first.select();
    }
    return () => dialog.close();
  }, []);

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault(); // the parent decides, through `open`
    onClose?.();
  };

  // Browsers may close a dialog despite preventDefault (repeated Esc): report it, or put a
  // dialog that needs an answer back. A close event for a dialog that is open again (React
  // re-running effects in development) or already unmounted is stale and ignored.
  const onNativeClose = () => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (onClose) onClose();
    else dialog.showModal();
  };

  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose?.();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation(); // board shortcuts must not fire behind a modal
    if (event.key === 'Tab') keepFocusInside(event);
  };

  return (
    // The click handler only catches clicks on the backdrop; Esc is handled by onCancel.
    <dialog
      ref={ref}
      role="dialog"
      className={wide ? `${styles.dialog} ${styles.wide}` : styles.dialog}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={onCancel}
      onClose={onNativeClose}
      onClick={onBackdropClick}
      onKeyDown={onKeyDown}
    >
      <div className={styles.body}>{children}</div>
    </dialog>
  );
}

function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
