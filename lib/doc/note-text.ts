import * as Y from 'yjs';
import {
  MAX_RICH_TEXT_CHARS,
  MAX_RICH_TEXT_DEPTH,
  allowedAttrs,
  allowedMark,
  isNodeName,
} from '../model/records';

/**
 * A note's text is a Y.XmlFragment holding a ProseMirror document (Tiptap's StarterKit node
 * names: paragraph, bulletList, orderedList, listItem, hardBreak...). The canvas and the HTTP
 * API need it as plain text; examples and tests need to write plain text into it.
 */

const LIST_BULLET = '• ';

function inlineText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node.nodeName === 'hardBreak') return '\n';
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlHook ? '' : inlineText(child)))
    .join('');
}

function blockLines(node: Y.XmlElement | Y.XmlText, listPrefix: string): string[] {
  if (node instanceof Y.XmlText) return [inlineText(node)];
  const children = node
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => !(c instanceof Y.XmlHook));
  switch (node.nodeName) {
    case 'bulletList':
      return children.flatMap((item) => blockLines(item, LIST_BULLET));
    case 'orderedList':
      return children.flatMap((item, index) => blockLines(item, `${index + 1}. `));
    case 'listItem': {
      const lines = children.flatMap((child) => blockLines(child, listPrefix));
      return lines.map((line, i) => (i === 0 ? listPrefix + line : `  ${line}`));
    }
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return [inlineText(node)];
    default:
      return children.flatMap((child) => blockLines(child, listPrefix));
  }
}

/** The fragment as plain text: one line per paragraph, list items bulleted or numbered. */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => !(c instanceof Y.XmlHook))
    .flatMap((node) => blockLines(node, LIST_BULLET))
    .join('\n')
    .trimEnd();
}

/** Paragraph elements for plain text, one per line (used for examples and tests). */
export function plainTextToParagraphs(text: string): Y.XmlElement[] {
  return text.split('\n').map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}

/** A copy of a text run with only the marks the schema allows, each run within bounds. */
function cloneText(text: Y.XmlText): Y.XmlText {
  const copy = new Y.XmlText();
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  copy.applyDelta(
    delta.flatMap((op) => {
      if (typeof op.insert !== 'string' || op.insert === '') return [];
      const attributes: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(op.attributes ?? {})) {
        const allowed = allowedMark(name, value);
        if (allowed) attributes[name] = allowed;
      }
      return [{ insert: op.insert.slice(0, MAX_RICH_TEXT_CHARS), attributes }];
    }),
  );
  return copy;
}

function cloneNodes(
  parent: Y.XmlFragment | Y.XmlElement,
  depth: number,
): (Y.XmlElement | Y.XmlText)[] {
  if (depth > MAX_RICH_TEXT_DEPTH) return [];
  return parent.toArray().flatMap((child): (Y.XmlElement | Y.XmlText)[] => {
    if (child instanceof Y.XmlText) return [cloneText(child)];
    if (!(child instanceof Y.XmlElement) || !isNodeName(child.nodeName)) return [];
    const copy = new Y.XmlElement(child.nodeName);
    for (const [key, value] of allowedAttrs(child.getAttributes() as Record<string, unknown>))
      copy.setAttribute(key, value as string);
    const content = cloneNodes(child, depth + 1);
    if (content.length > 0) copy.insert(0, content);
    return [copy];
  });
}

/**
 * Deep copies of a fragment's nodes, to put into another note's fragment (a duplicate, a
 * restore, a revealed draft). Only what the schema allows is copied (lib/model/records/
 * rich-text.ts): a board may hold text a peer wrote before the server checked values, and the
 * server refuses a copy carrying it.
 */
export function cloneFragmentContent(fragment: Y.XmlFragment): (Y.XmlElement | Y.XmlText)[] {
  return cloneNodes(fragment, 1);
}
