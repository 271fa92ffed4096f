/**
 * Arrow-key movement between the buttons of a role="toolbar", as the ARIA toolbar pattern
 * describes (every button also stays reachable with Tab). Disabled buttons are skipped.
 */
import type { KeyboardEvent } from 'react';

const STEP_KEYS = {
  vertical: { ArrowDown: 1, ArrowUp: -1 },
  horizontal: { ArrowRight: 1, ArrowLeft: -1 },
} as const;

export function toolbarArrowKeys(orientation: 'vertical' | 'horizontal') {
  const steps: Readonly<Record<string, number>> = STEP_KEYS[orientation];
  return (event: KeyboardEvent<HTMLElement>): void => {
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    event.stopPropagation(); // arrows here move focus, not the selected notes
    const buttons = Array.from(
      event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
    );
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(current + step + buttons.length) % buttons.length]?.focus();
  };
}
