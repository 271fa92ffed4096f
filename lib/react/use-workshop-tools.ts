'use client';
/** The facilitator's timer, lock and private-writing gestures (lib/gestures/gesture-table.ts). */
export type { WorkshopActions } from '../gestures';
