import * as Y from 'yjs';
import { attrValueSchema } from '../model/records';
import type { AttrValue, RichTextDoc, RichTextElement, RichTextMark, RichTextNode } from './format';

/**
 * A note's Y.XmlFragment to and from ProseMirror's JSON shape, with nothing lost: node names
 * and attributes, text runs and their marks, as y-prosemirror (Tiptap's Collaboration) stores
 * them (docs/SCHEMA.md, "text: rich text"): a node is a Y.XmlElement named after its type
 * with its attributes; text is a Y.XmlText whose formatting attributes are the marks, each
 * named after the mark with the mark's attributes as value (`bold: {}`, `link: { href }`).
 *
 * Output is canonical (attributes and marks sorted by name) so that exporting a board,
 * importing it and exporting again gives the same JSON.
 */

type Attrs = Record<string, AttrValue>;

function sortedAttrs(raw: Record<string, unknown>): Attrs | undefined {
  const keys = Object.keys(raw)
    .filter((key) => isAttrValue(raw[key]))
    .sort();
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.map((key) => [key, raw[key] as AttrValue]));
}

/** A node or mark attribute value the schema allows (lib/model/records/rich-text.ts). */
export function isAttrValue(value: unknown): value is AttrValue {
  return attrValueSchema.safeParse(value).success;
}

function marksOf(attributes: Record<string, unknown> | undefined): RichTextMark[] | undefined {
  if (!attributes) return undefined;
  const marks = Object.keys(attributes)
    .sort()
    .map((type): RichTextMark => {
      const value = attributes[type];
      const attrs =
        typeof value === 'object' && value !== null
          ? sortedAttrs(value as Record<string, unknown>)
          : undefined;
      return attrs ? { type, attrs } : { type };
    });
  return marks.length > 0 ? marks : undefined;
}

function textRuns(text: Y.XmlText): RichTextNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta.flatMap((op): RichTextNode[] => {
    if (typeof op.insert !== 'string' || op.insert === '') return [];
    const marks = marksOf(op.attributes);
    return [marks ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert }];
  });
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement): RichTextNode[] {
  return parent.toArray().flatMap((child): RichTextNode[] => {
    if (child instanceof Y.XmlText) return textRuns(child);
    if (child instanceof Y.XmlElement) return [elementJson(child)];
    return []; // Y.XmlHook: not written by the editor
  });
}

function elementJson(element: Y.XmlElement): RichTextElement {
  const node: RichTextElement = { type: element.nodeName };
  const attrs = sortedAttrs(element.getAttributes() as Record<string, unknown>);
  if (attrs) node.attrs = attrs;
  const content = childNodes(element);
  if (content.length > 0) node.content = content;
  return node;
}

/** The note's rich text as a ProseMirror JSON document. */
export function fragmentToRichText(fragment: Y.XmlFragment): RichTextDoc {
  return { type: 'doc', content: childNodes(fragment) };
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
