'use client';

/**
 * The bottom-right bar: zoom out, the zoom level, zoom in, fit, then undo and redo (of your
 * own changes). The board handles the keyboard shortcuts; this only shows them. Left and
 * Right arrows move between the buttons.
 */
import type { ReactNode } from 'react';
import { IconButton, type TooltipSide } from '@/components/ui/icon-button';
import { FitIcon, RedoIcon, UndoIcon, ZoomInIcon, ZoomOutIcon } from '@/components/ui/icons';
import { toolbarArrowKeys } from '@/components/ui/toolbar-arrow-keys';
import { formatPercent } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import styles from './zoom-bar.module.css';

export interface ZoomBarProps {
  /** Current zoom factor: 1 is 100%. */
  zoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** False for viewers: they make no changes, so there is nothing to undo. */
  showHistory?: boolean;
}

const onArrowKeys = toolbarArrowKeys('horizontal');

interface BarButton {
  id: string;
  label: MessageKey;
  shortcut: MessageKey;
  ariaShortcut: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  tooltipSide?: TooltipSide;
}

export function ZoomBar(props: ZoomBarProps) {
  const { locale, t } = useI18n();
  const zoomButtons: BarButton[] = [
    {
      id: 'zoom-in',
      label: 'zoom.in',
      shortcut: 'shortcut.zoomIn',
      ariaShortcut: 'Control++ Meta++',
      icon: <ZoomInIcon />,
      onClick: props.onZoomIn,
    },
    {
      id: 'zoom-fit',
      label: 'zoom.fit',
      shortcut: 'shortcut.fit',
      ariaShortcut: 'Control+0 Meta+0',
      icon: <FitIcon />,
      onClick: props.onFit,
    },
  ];
  const historyButtons: BarButton[] = [
    {
      id: 'undo',
      label: 'history.undo',
      shortcut: 'shortcut.undo',
      ariaShortcut: 'Control+Z Meta+Z',
      icon: <UndoIcon />,
      onClick: props.onUndo,
      disabled: !props.canUndo,
    },
    {
      id: 'redo',
      label: 'history.redo',
      shortcut: 'shortcut.redo',
      ariaShortcut: 'Shift+Control+Z Shift+Meta+Z',
      icon: <RedoIcon />,
      onClick: props.onRedo,
      disabled: !props.canRedo,
      tooltipSide: 'top-end',
    },
  ];
  const percent = formatPercent(props.zoom, locale);

  const render = (button: BarButton) => (
    <IconButton
      key={button.id}
      label={t(button.label)}
      shortcut={t(button.shortcut)}
      ariaShortcut={button.ariaShortcut}
      disabled={button.disabled}
      tooltipSide={button.tooltipSide ?? 'top'}
      testId={button.id}
      onClick={button.onClick}
    >
      {button.icon}
    </IconButton>
  );

  return (
    <div role="toolbar" aria-label={t('zoom.group')} className={styles.bar} onKeyDown={onArrowKeys}>
      <IconButton
        label={t('zoom.out')}
        shortcut={t('shortcut.zoomOut')}
        ariaShortcut="Control+- Meta+-"
        testId="zoom-out"
        onClick={props.onZoomOut}
      >
        <ZoomOutIcon />
      </IconButton>
      <output
        className={styles.level}
        aria-label={t('zoom.level', { percent })}
        data-testid="zoom-level"
      >
        {percent}
      </output>
      {zoomButtons.map(render)}
      {props.showHistory === false ? null : (
        <>
          <span className={styles.divider} aria-hidden="true" />
          {historyButtons.map(render)}
        </>
      )}
    </div>
  );
}
