import type { z } from 'zod';
import { isNoteId, isVoteId } from '../ids';
import { NOTE_KEYS, ROOT, WORKSHOP_KEYS } from '../schema';
import { isVoterId } from '../vote';
import { commentFieldsSchema, COMMENT_ID_PATTERN } from './comment';
import { followSettingsSchema } from './follow';
import { boardMetaSchema } from './meta';
import { noteFieldsSchema } from './note';
import { privateWritingSchema } from './private-writing';
import { LINK_KEY_PATTERN, linkValueSchema, relationshipFieldsSchema } from './relationship';
import { dotCountSchema, voteSettingsSchema } from './vote';
import { workshopLocksSchema } from './workshop-locks';
import { workshopTimerSchema } from './workshop-timer';

/**
 * The whole board document as a tree of shared types: which root and key holds a plain value
 * (and its schema), a Y.Map (and what its keys may be) or a note's rich text. The server's
 * value guard walks an update's items down this tree; nothing else may be written.
 */
export type DocShape =
  | { readonly kind: 'value'; readonly schema: z.ZodType }
  | {
      readonly kind: 'map';
      /** The shape under `key`, or undefined when the key is not allowed. */
      readonly child: (key: string) => DocShape | undefined;
    }
  | { readonly kind: 'richText' };

const value = (schema: z.ZodType): DocShape => ({ kind: 'value', schema });

type Child = (key: string) => DocShape | undefined;

/** Fixed keys: each a plain value of an object schema's field, or one of `nested`. */
function fields(
  schema: { shape: Record<string, z.ZodType> },
  nested: Readonly<Record<string, DocShape>> = {},
): Child {
  const children = new Map<string, DocShape>(
    Object.entries(schema.shape).map(([key, field]) => [key, value(field)]),
  );
  for (const [key, shape] of Object.entries(nested)) children.set(key, shape);
  return (key) => children.get(key);
}

function fieldsMap(...args: Parameters<typeof fields>): DocShape {
  return { kind: 'map', child: fields(...args) };
}

/** A Y.Map whose keys match `isKey`, each holding `shape`. */
function keyedMap(isKey: (key: string) => boolean, shape: DocShape): DocShape {
  return { kind: 'map', child: (key) => (isKey(key) ? shape : undefined) };
}

const LINK = value(linkValueSchema);
const label = fields(relationshipFieldsSchema);
/** A note's `rel` map: its labels and one key per link. */
const REL: DocShape = {
  kind: 'map',
  child: (key) => (LINK_KEY_PATTERN.test(key) ? LINK : label(key)),
};

const NOTE = fieldsMap(noteFieldsSchema, {
  [NOTE_KEYS.text]: { kind: 'richText' },
  [NOTE_KEYS.rel]: REL,
});

const DOTS = keyedMap((key) => {
  const [voter, note, extra] = key.split(' ');
  return extra === undefined && isVoterId(voter) && isNoteId(note);
}, value(dotCountSchema));

const WORKSHOP_VALUES: Readonly<Record<keyof typeof WORKSHOP_KEYS, z.ZodType>> = {
  timer: workshopTimerSchema,
  follow: followSettingsSchema,
  vote: voteSettingsSchema,
  locks: workshopLocksSchema,
  privateWriting: privateWritingSchema,
};

const COMMENT = fieldsMap(commentFieldsSchema);

/** The root types of a board document and what each holds. */
export const BOARD_DOC: Readonly<Record<string, DocShape>> = {
  [ROOT.meta]: fieldsMap(boardMetaSchema),
  [ROOT.notes]: keyedMap(isNoteId, NOTE),
  [ROOT.workshop]: fieldsMap({ shape: WORKSHOP_VALUES }),
  [ROOT.votes]: keyedMap(isVoteId, DOTS),
  [ROOT.comments]: keyedMap((key) => COMMENT_ID_PATTERN.test(key), COMMENT),
};
