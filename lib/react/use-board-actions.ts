/**
 * The board's actions as components use them. They are declared once, in the gesture table
 * (lib/gestures/gesture-table.ts), and bound to an open board by `boardGestures`.
 */
export type { BoardActions } from '../gestures';
