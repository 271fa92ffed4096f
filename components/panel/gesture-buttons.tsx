'use client';

/**
 * The note panel's buttons for the selection, one per gesture the table offers as a button
 * (lib/gestures/gesture-table.ts), in its order, each with its label, its key and what it
 * means for assistive technology. A new gesture with a button appears here by its entry alone.
 */
import type { ReactNode } from 'react';
import type { GestureIcon } from '@/lib/gestures/gesture-entry';
import { SELECTION_GESTURES, type SelectionGestureName } from '@/lib/gestures/selection-gestures';
import { useI18n } from '@/lib/react/i18n';
import { BringToFrontIcon, DuplicateIcon, TrashIcon } from '@/components/ui/icons';
import { ariaKeyShortcuts, combosOf, comboText } from '@/components/help/key-names';
import styles from './note-panel.module.css';

const ICONS: Record<GestureIcon, (props: { size?: number }) => ReactNode> = {
  duplicate: DuplicateIcon,
  delete: TrashIcon,
  bringToFront: BringToFrontIcon,
};

const BUTTONS = SELECTION_GESTURES.flatMap(({ name, ui }) =>
  ui.button ? [{ name, ui, button: ui.button }] : [],
);

export function GestureButtons({ onGesture }: { onGesture: (name: SelectionGestureName) => void }) {
  const { t } = useI18n();
  return BUTTONS.map(({ name, ui, button }) => {
    const Icon = ICONS[button.icon];
    const [firstCombo] = combosOf(ui.key);
    return (
      <button
        key={name}
        type="button"
        className={button.danger ? `${styles.action} ${styles.danger}` : styles.action}
        aria-keyshortcuts={ariaKeyShortcuts(ui.key)}
        data-testid={button.testId}
        onClick={() => onGesture(name)}
      >
        <Icon size={16} />
        <span>{t(ui.label)}</span>
        {firstCombo ? <kbd>{comboText(firstCombo, t)}</kbd> : null}
      </button>
    );
  });
}
