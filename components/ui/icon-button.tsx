/**
 * A square button showing only an icon, with its name as aria-label and a tooltip that
 * shows the name and the keyboard shortcut on hover and on keyboard focus.
 */
import type { ReactNode } from 'react';
import styles from './icon-button.module.css';

/** `-end` variants align the tooltip's right edge with the button, for buttons near the right edge. */
export type TooltipSide = 'right' | 'top' | 'top-end' | 'bottom' | 'bottom-end';

export interface IconButtonProps {
  /** Accessible name, also the tooltip's first line. */
  label: string;
  /** Shortcut as shown to people, e.g. "N" or "Ctrl/Cmd + Z". */
  shortcut?: string;
  /** The same shortcut in aria-keyshortcuts syntax, e.g. "Control+Z Meta+Z". */
  ariaShortcut?: string;
  /** Toggle buttons (tools) report their state; plain buttons leave it undefined. */
  pressed?: boolean;
  disabled?: boolean;
  /** Where the tooltip opens, away from the screen edge the button sits on. */
  tooltipSide?: TooltipSide;
  testId?: string;
  onClick: () => void;
  children: ReactNode;
}

export function IconButton({
  label,
  shortcut,
  ariaShortcut,
  pressed,
  disabled,
  tooltipSide = 'top',
  testId,
  onClick,
  children,
}: IconButtonProps) {
  return (
    <span className={styles.wrapper}>
      <button
        type="button"
        className={styles.button}
        aria-label={label}
        aria-pressed={pressed}
        aria-keyshortcuts={ariaShortcut}
        disabled={disabled}
        data-testid={testId}
        onClick={onClick}
      >
        {children}
      </button>
      {/* Hidden from assistive technology: the label and aria-keyshortcuts already say it. */}
      <span className={styles.tooltip} data-side={tooltipSide} aria-hidden="true">
        {label}
        {shortcut ? <kbd className={styles.shortcut}>{shortcut}</kbd> : null}
      </span>
    </span>
  );
}
