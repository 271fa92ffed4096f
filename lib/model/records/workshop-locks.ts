import { z } from 'zod';
import { BLOCK_IDS } from '../blocks';
import { blockIdSchema } from './primitives';

/** The facilitator's locks, under `workshop.locks` (the rule itself: lib/model/workshop-locks.ts). */
export const workshopLocksSchema = z.strictObject({
  board: z.boolean().meta({ description: 'The whole board is locked.' }),
  blocks: z.array(blockIdSchema).max(BLOCK_IDS.length).meta({ description: 'The locked blocks.' }),
});
