'use client';

/**
 * "Export" in the board's top bar, for every role (a reviewer with a viewer link exports
 * too): the canvas as an image or a PDF, drawn here from what the page shows; the board file
 * (JSON, to import again), the notes as CSV and a Markdown summary, written by the server
 * from the stored board (lib/export). File names come from the board title.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { fetchExport, type ServerExportFormat } from '@/lib/export/api-client';
import { exportFileName, type ExportKind } from '@/lib/export/file-name';
import type { MessageKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import { canvasToPdf, canvasToPng, renderBoardImage } from './board-image';
import { downloadBlob } from './download';
import styles from './export-menu.module.css';

const ITEMS: readonly { kind: ExportKind; label: MessageKey }[] = [
  { kind: 'png', label: 'export.png' },
  { kind: 'pdf', label: 'export.pdf' },
  { kind: 'json', label: 'export.json' },
  { kind: 'csv', label: 'export.csv' },
  { kind: 'md', label: 'export.markdown' },
];

export interface ExportMenuProps {
  boardId: string;
  /** This page's link token: any role may export. */
  token: string;
  title: string;
}

export function ExportMenu({ boardId, token, title }: ExportMenuProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    // Keyboard users land on the first item; Tab and Shift+Tab move between them.
    menu.current?.querySelector('button')?.focus();
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const make = async (kind: ExportKind): Promise<Blob> => {
    if (kind === 'png') return canvasToPng(await renderBoardImage());
    if (kind === 'pdf') return canvasToPdf(await renderBoardImage(), title);
    return fetchExport(boardId, token, kind satisfies ServerExportFormat, locale);
  };

  const run = async (kind: ExportKind) => {
    setOpen(false);
    setBusy(true);
    setFailed(false);
    try {
      downloadBlob(await make(kind), exportFileName(title, kind));
    } catch (error) {
      console.error('export failed', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} ref={root}>
      <button
        ref={button}
        type="button"
        className={styles.button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        disabled={busy}
        title={t('export.menu')}
        data-testid="export-button"
        onClick={() => setOpen((value) => !value)}
      >
        {busy ? t('export.working') : t('export.button')}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t('export.menu')}
          className={styles.menu}
        >
          {ITEMS.map(({ kind, label }) => (
            <li key={kind} role="none">
              <button
                type="button"
                role="menuitem"
                className={styles.item}
                data-testid={`export-${kind}`}
                onClick={() => void run(kind)}
              >
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failed && (
        <p role="alert" className={styles.error} data-testid="export-error">
          {t('export.failed')}
        </p>
      )}
    </div>
  );
}
