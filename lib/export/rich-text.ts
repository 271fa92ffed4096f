import * as Y from 'yjs';
import {
  MAX_RICH_TEXT_CHARS,
  MAX_RICH_TEXT_DEPTH,
  MAX_RICH_TEXT_NODES,
  allowedAttrs,
  allowedMark,
  attrValueSchema,
  isNodeName,
} from '../model/records';
import type { AttrValue, RichTextDoc, RichTextElement, RichTextMark, RichTextNode } from './format';

/**
 * A note's Y.XmlFragment to and from ProseMirror's JSON shape: node names and attributes,
 * text runs and their marks, as y-prosemirror (Tiptap's Collaboration) stores them
 * (docs/SCHEMA.md, "text: rich text"): a node is a Y.XmlElement named after its type with its
 * attributes; text is a Y.XmlText whose formatting attributes are the marks, each named after
 * the mark with the mark's attributes as value (`bold: {}`, `link: { href }`).
 *
 * Reading keeps only what the schema allows (lib/model/records/rich-text.ts), so an export is
 * always importable, even of a board a hostile client wrote into before the server checked
 * values: unknown nodes go with their content, unknown marks go, a link the editor would not
 * write keeps only its address when that is safe, and text past the bounds is cut.
 *
 * Output is canonical (attributes and marks sorted by name) so that exporting a board,
 * importing it and exporting again gives the same JSON.
 */

type Attrs = Record<string, AttrValue>;

function sortedAttrs(raw: Record<string, unknown>): Attrs | undefined {
  const entries = allowedAttrs(raw);
  return entries.length > 0 ? (Object.fromEntries(entries) as Attrs) : undefined;
}

/** A node or mark attribute value the schema allows (lib/model/records/rich-text.ts). */
export function isAttrValue(value: unknown): value is AttrValue {
  return attrValueSchema.safeParse(value).success;
}

function withAttrs(type: string, raw: Record<string, unknown>): RichTextMark {
  const attrs = sortedAttrs(raw);
  return attrs ? { type, attrs } : { type };
}

/** One mark as the schema allows it, or null when nothing of it may stay. */
function markOf(type: string, value: unknown): RichTextMark | null {
  const attrs = allowedMark(type, value);
  return attrs ? withAttrs(type, attrs) : null;
}

function marksOf(attributes: Record<string, unknown> | undefined): RichTextMark[] | undefined {
  if (!attributes) return undefined;
  const marks = Object.keys(attributes)
    .sort()
    .flatMap((type) => markOf(type, attributes[type]) ?? []);
  return marks.length > 0 ? marks : undefined;
}

/** What is left of the note's bounds while it is read (MAX_RICH_TEXT_CHARS, _NODES). */
interface Budget {
  chars: number;
  nodes: number;
}

function textRuns(text: Y.XmlText, budget: Budget): RichTextNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta.flatMap((op): RichTextNode[] => {
    if (typeof op.insert !== 'string' || op.insert === '') return [];
    const kept = op.insert.slice(0, budget.chars);
    if (kept === '' || budget.nodes <= 0) return [];
    budget.chars -= kept.length;
    budget.nodes -= 1;
    const marks = marksOf(op.attributes);
    return [marks ? { type: 'text', text: kept, marks } : { type: 'text', text: kept }];
  });
}

/** The children of a node whose content sits at nesting `depth` (the fragment's is 1). */
function childNodes(
  parent: Y.XmlFragment | Y.XmlElement,
  depth: number,
  budget: Budget,
): RichTextNode[] {
  if (depth > MAX_RICH_TEXT_DEPTH) return [];
  return parent.toArray().flatMap((child): RichTextNode[] => {
    if (child instanceof Y.XmlText) return textRuns(child, budget);
    if (child instanceof Y.XmlElement && isNodeName(child.nodeName) && budget.nodes > 0)
      return [elementJson(child, depth, budget)];
    return []; // Y.XmlHook, or a node the editor does not know
  });
}

function elementJson(element: Y.XmlElement, depth: number, budget: Budget): RichTextElement {
  budget.nodes -= 1;
  const node: RichTextElement = { type: element.nodeName };
  const attrs = sortedAttrs(element.getAttributes() as Record<string, unknown>);
  if (attrs) node.attrs = attrs;
  const content = childNodes(element, depth + 1, budget);
  if (content.length > 0) node.content = content;
  return node;
}

/** The note's rich text as a ProseMirror JSON document, as the schema allows it. */
export function fragmentToRichText(fragment: Y.XmlFragment): RichTextDoc {
  const budget = { chars: MAX_RICH_TEXT_CHARS, nodes: MAX_RICH_TEXT_NODES };
  return { type: 'doc', content: childNodes(fragment, 1, budget) };
}

function markAttributes(marks: readonly RichTextMark[] | undefined): Record<string, object> {
  const attributes: Record<string, object> = {};
  for (const mark of marks ?? []) attributes[mark.type] = { ...mark.attrs };
  return attributes;
}

/**
 * The Yjs nodes for a list of JSON nodes: consecutive text runs go into one Y.XmlText (as
 * y-prosemirror writes them), elements become Y.XmlElements. The result is detached: insert
 * it into a fragment that is already part of a document.
 */
function yNodes(nodes: readonly RichTextNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let runs: { insert: string; attributes: Record<string, object> }[] = [];
  const flush = () => {
    if (runs.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(runs);
    out.push(text);
    runs = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' && 'text' in node) {
      runs.push({ insert: node.text, attributes: markAttributes(node.marks) });
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    const { attrs, content } = node as RichTextElement;
    for (const [key, value] of Object.entries(attrs ?? {}))
      if (value !== null) element.setAttribute(key, value as string);
    if (content && content.length > 0) element.insert(0, yNodes(content));
    out.push(element);
  }
  flush();
  return out;
}

/** The Yjs content of a rich-text document (validated beforehand, see parse-board-file.ts). */
export function richTextToFragmentContent(doc: RichTextDoc): (Y.XmlElement | Y.XmlText)[] {
  return yNodes(doc.content);
}
