'use client';

/** The "?" dialog: every keyboard shortcut of the board, in a table. Esc closes it. */
import { Fragment, useId } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { ModalDialog } from '@/components/ui/modal-dialog';
import type { Translate } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import { keyText, type KeyCombo } from './key-names';
import { SHORTCUT_ROWS } from './shortcut-rows';
import styles from './help-dialog.module.css';

export interface HelpDialogProps {
  /** Defaults to true, so the dialog can also be shown by mounting it. */
  open?: boolean;
  onClose: () => void;
}

/** Keys pressed together, joined by "+": <kbd>Ctrl/Cmd</kbd>+<kbd>D</kbd>. */
function Combo({ combo, t }: { combo: KeyCombo; t: Translate }) {
  return combo.map((key, index) => (
    <Fragment key={index}>
      {index > 0 ? <span className={styles.plus}>+</span> : null}
      <kbd>{keyText(key, t)}</kbd>
    </Fragment>
  ));
}

export function HelpDialog({ open = true, onClose }: HelpDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} testId="help-dialog" wide>
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title}>
          {t('help.title')}
        </h2>
        <button
          type="button"
          className={styles.close}
          aria-label={t('help.close')}
          data-autofocus
          onClick={onClose}
        >
          <CloseIcon size={18} />
        </button>
      </div>
      <p className={styles.intro}>{t('help.intro')}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('help.keysColumn')}</th>
            <th scope="col">{t('help.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_ROWS.map((row) => (
            <tr key={row.id}>
              <td className={styles.keys}>
                {row.combos.map((combo, index) => (
                  <Fragment key={index}>
                    {index > 0 ? <span className={styles.or}> {t('key.or')} </span> : null}
                    <Combo combo={combo} t={t} />
                  </Fragment>
                ))}
              </td>
              <td>{t(row.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.note}>{t('help.note')}</p>
    </ModalDialog>
  );
}
