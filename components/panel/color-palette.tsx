'use client';

/**
 * The note colours as a radio group of swatches: click one, or Tab in and choose with the
 * arrow keys (native radio behaviour). With several notes of different colours, none is
 * checked.
 */
import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import { NOTE_COLOR_NAMES, NOTE_COLORS, type NoteColor } from '@/lib/model/colors';
import { colorNameKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import styles from './color-palette.module.css';

export interface ColorPaletteProps {
  /** The colour shared by every selected note, or null when they differ. */
  current: NoteColor | null;
  onColor: (color: NoteColor) => void;
}

const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** Arrows choose a colour here; they must not also nudge the selected notes on the board. */
function keepArrowsHere(event: KeyboardEvent<HTMLFieldSetElement>): void {
  if (ARROW_KEYS.has(event.key)) event.stopPropagation();
}

export function ColorPalette({ current, onColor }: ColorPaletteProps) {
  const { t } = useI18n();
  const group = useId();
  return (
    <fieldset className={styles.palette} onKeyDown={keepArrowsHere}>
      <legend className={styles.legend}>{t('panel.color')}</legend>
      <div className={styles.swatches}>
        {NOTE_COLOR_NAMES.map((color) => (
          <input
            key={color}
            type="radio"
            name={group}
            value={color}
            className={styles.swatch}
            style={{ backgroundColor: NOTE_COLORS[color] }}
            checked={current === color}
            aria-label={t(colorNameKey(color))}
            title={t(colorNameKey(color))}
            data-testid={`color-${color}`}
            onChange={() => onColor(color)}
          />
        ))}
      </div>
    </fieldset>
  );
}
