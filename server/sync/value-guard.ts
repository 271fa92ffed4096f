import * as Y from 'yjs';
import type { z } from 'zod';
import {
  BOARD_DOC,
  MARK_ATTRS,
  MAX_RICH_TEXT_CHARS,
  MAX_RICH_TEXT_DEPTH,
  attrNameSchema,
  attrValueSchema,
  isMarkName,
  nodeNameSchema,
  type DocShape,
} from '../../lib/model/records';
import { CLOSE, ConnectionError } from './close-codes';
import { isNewToDoc, type DecodedUpdate } from './update-effect';
import { GONE, UpdatePaths } from './update-paths';

/**
 * Checks every value an update writes against the board's schema (lib/model/records), before
 * the room applies it and whoever the writer is: each item of the update is found at its path
 * (root, map keys) and must be what the schema puts there: a plain value that parses, a Y.Map
 * where a map belongs, a note's rich text made only of the editor's nodes and marks. An
 * unknown root or key, a shared type where a plain value belongs, or a value out of its range
 * is refused whole: readers would drop it, but the store, the relay and the board's exports
 * would carry it. The update guard (roles, locks) reads the same paths.
 */

type Content = Y.Item['content'];

/** Where the refused value sits (`notes.note_….color`) and what is wrong with it. */
type Refusal = string;

function zodProblem(at: string, schema: z.ZodType, value: unknown): Refusal | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const inner = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  return `${at}${inner}: ${issue?.message ?? 'invalid'}`;
}

function anyValues(content: Content): readonly unknown[] | null {
  return content instanceof Y.ContentAny ? content.arr : null;
}

/** An item holding `content` where the schema puts `shape`. */
function checkAt(shape: DocShape, content: Content, at: string): Refusal | null {
  switch (shape.kind) {
    case 'value': {
      const values = anyValues(content);
      if (!values) return `${at}: not a plain value`;
      for (const value of values) {
        const problem = zodProblem(at, shape.schema, value);
        if (problem) return problem;
      }
      return null;
    }
    case 'map':
      return content instanceof Y.ContentType && content.type instanceof Y.Map
        ? null
        : `${at}: not a map`;
    case 'richText':
      return content instanceof Y.ContentType && content.type.constructor === Y.XmlFragment
        ? null
        : `${at}: not rich text`;
  }
}

/** One formatting attribute of a text run: a mark's name, its attributes (null ends it). */
function checkFormat(content: Y.ContentFormat, at: string): Refusal | null {
  const { key, value } = content;
  if (!isMarkName(key)) return `${at}: unknown mark ${JSON.stringify(key).slice(0, 40)}`;
  if (value === null) return null;
  return zodProblem(`${at}.${key}`, MARK_ATTRS[key], value);
}

/**
 * An item inside a note's fragment, `keys` below it: null for each list level, the last one
 * an attribute name when the item is a node attribute.
 */
function checkRichText(
  keys: readonly (string | null)[],
  content: Content,
  at: string,
): Refusal | null {
  if (keys.length > MAX_RICH_TEXT_DEPTH) return `${at}: nested too deep`;
  const attribute = keys[keys.length - 1];
  if (keys.slice(0, -1).some((key) => key !== null)) return `${at}: not rich text`;
  if (typeof attribute === 'string') {
    const name = zodProblem(`${at}.attrs`, attrNameSchema, attribute);
    if (name) return name;
    const values = anyValues(content);
    if (!values) return `${at}.attrs.${attribute}: not a plain value`;
    for (const value of values) {
      const problem = zodProblem(`${at}.attrs.${attribute}`, attrValueSchema, value);
      if (problem) return problem;
    }
    return null;
  }
  if (content instanceof Y.ContentString)
    return content.str.length > MAX_RICH_TEXT_CHARS ? `${at}: text too long` : null;
  if (content instanceof Y.ContentFormat) return checkFormat(content, at);
  if (content instanceof Y.ContentType) {
    const { type } = content;
    if (type instanceof Y.XmlElement)
      return nodeNameSchema.safeParse(type.nodeName).success
        ? null
        : `${at}: unknown node ${JSON.stringify(type.nodeName).slice(0, 40)}`;
    if (type instanceof Y.XmlText) return null;
  }
  return `${at}: not rich text`;
}

/** The refusal for one item of the update, or null when it writes what the schema allows. */
function checkItem(paths: UpdatePaths, item: Y.Item): Refusal | null {
  // A deleted item's placeholder writes nothing anyone reads.
  if (item.content instanceof Y.ContentDeleted) return null;
  const path = paths.pathOf(item);
  if (path === GONE) return null;
  if (path === null) return 'an update whose place in the board is unknown';
  let shape: DocShape | undefined = BOARD_DOC[path.root];
  let at = path.root;
  if (!shape) return `${at}: unknown root`;
  for (const [index, key] of path.keys.entries()) {
    if (shape.kind === 'richText') return checkRichText(path.keys.slice(index), item.content, at);
    if (shape.kind === 'value') return `${at}: not a shared type`;
    if (key === null) return `${at}: not a list`;
    const child: DocShape | undefined = shape.child(key);
    at = `${at}.${key}`;
    if (!child) return `${at}: unknown key`;
    shape = child;
  }
  return checkAt(shape, item.content, at);
}

/**
 * Why `update` may not be applied to `doc`, or null when every value it writes is allowed.
 * `paths` may be shared with the update guard, which reads the same items' paths.
 */
export function checkValues(
  doc: Y.Doc,
  update: DecodedUpdate,
  paths: UpdatePaths = new UpdatePaths(doc, update.structs),
): Refusal | null {
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item) || !isNewToDoc(doc, struct)) continue;
    const refusal = checkItem(paths, struct);
    if (refusal) return refusal;
  }
  return null;
}

/** Throws the ConnectionError that closes the writer's connection when a value is refused. */
export function assertValuesAllowed(doc: Y.Doc, update: DecodedUpdate, paths?: UpdatePaths): void {
  const refusal = checkValues(doc, update, paths);
  if (refusal) throw new ConnectionError(CLOSE.refusedValue, `refused: ${refusal}`);
}
