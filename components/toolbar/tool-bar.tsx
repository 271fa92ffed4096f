'use client';

/**
 * The vertical toolbar on the left of the board: one pressed tool at a time. The board
 * handles the V / N / H shortcuts; this only shows them. Up and Down arrows move between the
 * buttons, as in any toolbar.
 */
import type { ReactNode } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { ConnectIcon, NoteIcon, PanIcon, SelectIcon } from '@/components/ui/icons';
import { toolbarArrowKeys } from '@/components/ui/toolbar-arrow-keys';
import type { MessageKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import type { Tool } from '@/lib/view/tools';
import styles from './tool-bar.module.css';

export type { Tool };

interface ToolButton {
  tool: Tool;
  label: MessageKey;
  shortcut: MessageKey;
  /** aria-keyshortcuts syntax. */
  ariaShortcut: string;
  icon: ReactNode;
}

const TOOLS: readonly ToolButton[] = [
  {
    tool: 'select',
    label: 'tool.select',
    shortcut: 'shortcut.select',
    ariaShortcut: 'V',
    icon: <SelectIcon />,
  },
  {
    tool: 'note',
    label: 'tool.note',
    shortcut: 'shortcut.note',
    ariaShortcut: 'N',
    icon: <NoteIcon />,
  },
  {
    tool: 'connect',
    label: 'tool.connect',
    shortcut: 'shortcut.connect',
    ariaShortcut: 'C',
    icon: <ConnectIcon />,
  },
  {
    tool: 'pan',
    label: 'tool.pan',
    shortcut: 'shortcut.pan',
    ariaShortcut: 'H',
    icon: <PanIcon />,
  },
];

export interface ToolBarProps {
  tool: Tool;
  onToolChange: (tool: Tool) => void;
  /** A viewer's toolbar: only the tools that change nothing (select, pan). */
  readOnly?: boolean;
}

/** The tools that only look: all a viewer gets. */
export const VIEWER_TOOLS: readonly Tool[] = ['select', 'pan'];

const onArrowKeys = toolbarArrowKeys('vertical');

export function ToolBar({ tool, onToolChange, readOnly = false }: ToolBarProps) {
  const { t } = useI18n();
  return (
    <div
      role="toolbar"
      aria-label={t('tool.group')}
      aria-orientation="vertical"
      className={styles.toolbar}
      onKeyDown={onArrowKeys}
    >
      {TOOLS.filter((button) => !readOnly || VIEWER_TOOLS.includes(button.tool)).map((button) => (
        <IconButton
          key={button.tool}
          label={t(button.label)}
          shortcut={t(button.shortcut)}
          ariaShortcut={button.ariaShortcut}
          pressed={tool === button.tool}
          tooltipSide="right"
          testId={`tool-${button.tool}`}
          onClick={() => onToolChange(button.tool)}
        >
          {button.icon}
        </IconButton>
      ))}
    </div>
  );
}
