import { z } from 'zod';
import { isSafeLinkHref } from '../links';

/**
 * A note's rich text (`text`, a Y.XmlFragment), as y-prosemirror (Tiptap's Collaboration)
 * stores what the note editor writes: Y.XmlElements named after StarterKit's nodes, holding
 * scalar attributes, and Y.XmlTexts whose formatting attributes are the marks, each named
 * after the mark with the mark's attributes as value (`bold: {}`, `link: { href, ... }`).
 * Anything else (another node or mark, an embed, a link the editor would refuse) is what a
 * hostile client writes, never our editor.
 */

/** StarterKit's node types (besides `doc` at the root and `text`). */
export const RICH_TEXT_NODES = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
] as const;

/** Far beyond a sticky note, and a bound on what one client can make a board carry. */
export const MAX_RICH_TEXT_CHARS = 20_000;
export const MAX_RICH_TEXT_NODES = 5_000;
export const MAX_RICH_TEXT_DEPTH = 16;
export const MAX_ATTRS = 12;
export const MAX_ATTR_STRING = 2_048;
export const ATTR_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/**
 * What Tiptap's Link extension stores on every link it makes (its HTMLAttributes defaults):
 * a link opens in a new tab, and the page it opens gets neither this window (tabnabbing) nor
 * the board's URL, token included, as its Referer.
 */
export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer nofollow';

export const nodeNameSchema = z
  .enum(RICH_TEXT_NODES)
  .meta({ description: `A StarterKit node: ${RICH_TEXT_NODES.join(', ')}.` });

/** A node attribute's value: a scalar, short enough. */
export const attrValueSchema = z
  .union([z.string().max(MAX_ATTR_STRING), z.number(), z.boolean(), z.null()])
  .meta({
    description: `A string (at most ${MAX_ATTR_STRING} characters), number, boolean or null.`,
  });

export const attrNameSchema = z
  .string()
  .regex(ATTR_NAME_PATTERN)
  .meta({ description: 'A letter, then up to 39 letters, digits, `_` or `-`.' });

export const safeHrefSchema = z
  .string()
  .max(MAX_ATTR_STRING)
  .refine(isSafeLinkHref, { message: 'only http, https and mailto links' })
  .meta({ description: 'An http, https or mailto address.' });

const noAttrs = z.strictObject({}).meta({ description: 'No attributes.' });

export const linkAttrsSchema = z
  .strictObject({
    href: safeHrefSchema,
    target: z
      .literal(LINK_TARGET)
      .nullable()
      .optional()
      .meta({ description: `\`${LINK_TARGET}\` (a new tab) or null.` }),
    rel: z
      .literal(LINK_REL)
      .nullable()
      .optional()
      .meta({ description: `\`${LINK_REL}\` or null; required with a target.` }),
    class: z.null().optional().meta({ description: 'null: the editor sets no class.' }),
    title: z
      .string()
      .max(MAX_ATTR_STRING)
      .nullable()
      .optional()
      .meta({ description: `A tooltip, at most ${MAX_ATTR_STRING} characters, or null.` }),
  })
  .refine((attrs) => attrs.target == null || attrs.rel === LINK_REL, {
    message: `a link opening a new tab needs rel "${LINK_REL}"`,
    path: ['rel'],
  })
  .meta({ description: 'A link: where it goes and how it opens.' });

/** StarterKit's marks and the attributes each may carry. */
export const MARK_ATTRS = {
  bold: noAttrs,
  italic: noAttrs,
  strike: noAttrs,
  code: noAttrs,
  underline: noAttrs,
  link: linkAttrsSchema,
} as const;

export type MarkName = keyof typeof MARK_ATTRS;
export const RICH_TEXT_MARKS = Object.keys(MARK_ATTRS) as MarkName[];

export function isMarkName(value: unknown): value is MarkName {
  return typeof value === 'string' && Object.hasOwn(MARK_ATTRS, value);
}

/**
 * A mark's value as the schema allows it, for copies of text a board already holds (which
 * may predate the server's checks): its attributes when they parse, a link with only its
 * address when that is safe, another mark without attributes; undefined when it must go.
 */
export function allowedMark(name: string, value: unknown): Record<string, unknown> | undefined {
  if (!isMarkName(name)) return undefined;
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const parsed = MARK_ATTRS[name].safeParse(raw);
  if (parsed.success) return parsed.data;
  if (name !== 'link') return {};
  return safeHrefSchema.safeParse(raw.href).success ? { href: raw.href } : undefined;
}

/** The node attributes the schema allows, by name, at most MAX_ATTRS of them. */
export function allowedAttrs(raw: Record<string, unknown>): [string, unknown][] {
  return Object.keys(raw)
    .filter(
      (key) => attrNameSchema.safeParse(key).success && attrValueSchema.safeParse(raw[key]).success,
    )
    .sort()
    .slice(0, MAX_ATTRS)
    .map((key) => [key, raw[key]]);
}

export function isNodeName(value: unknown): boolean {
  return nodeNameSchema.safeParse(value).success;
}
