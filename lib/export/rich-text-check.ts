import {
  MARK_ATTRS,
  MAX_ATTRS,
  MAX_RICH_TEXT_CHARS,
  MAX_RICH_TEXT_DEPTH,
  MAX_RICH_TEXT_NODES,
  attrNameSchema,
  attrValueSchema,
  isMarkName,
  nodeNameSchema,
} from '../model/records';
import { isObject, unknownKeys, type IssueSink } from './issues';

/**
 * Strict checks of a note's rich text in a board file, by the schema the server checks the
 * document with (lib/model/records/rich-text.ts): only the nodes and marks the note editor
 * (Tiptap's StarterKit) knows, each mark with only its own attributes (a link's `href` safe,
 * its `target` and `rel` the editor's), scalar node attributes, and bounds on size and depth,
 * so a file cannot smuggle into a board what the editor would not write.
 */

interface Budget {
  chars: number;
  nodes: number;
}

function checkAttrs(raw: unknown, at: string, sink: IssueSink): void {
  if (raw === undefined) return;
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  const entries = Object.entries(raw);
  if (entries.length > MAX_ATTRS) sink.add(at, 'tooMany', { expected: 'maxAttrs', max: MAX_ATTRS });
  for (const [key, value] of entries) {
    if (!attrNameSchema.safeParse(key).success)
      sink.add(`${at}.${key}`, 'invalid', { expected: 'attrName', value: key });
    else if (!attrValueSchema.safeParse(value).success)
      sink.add(`${at}.${key}`, 'invalid', { expected: 'attrValue', value });
  }
}

/** A mark and its attributes, each mark by its own schema (absent attributes are none). */
function checkMark(raw: unknown, at: string, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  unknownKeys(raw, ['type', 'attrs'], at, sink);
  if (!isMarkName(raw.type))
    return sink.add(`${at}.type`, 'invalid', { expected: 'markType', value: raw.type });
  const attrs = raw.attrs ?? {};
  if (!isObject(attrs))
    return sink.add(`${at}.attrs`, 'invalid', { expected: 'object', value: attrs });
  const result = MARK_ATTRS[raw.type].safeParse(attrs);
  if (result.success) return;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) sink.add(`${at}.attrs.${key}`, 'unknownField');
      continue;
    }
    const key = String(issue.path[0] ?? '');
    sink.add(`${at}.attrs.${key}`, 'invalid', {
      expected: key === 'href' ? 'safeLink' : 'attrValue',
      value: attrs[key],
    });
  }
}

function checkNode(raw: unknown, at: string, depth: number, budget: Budget, sink: IssueSink) {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  if (++budget.nodes > MAX_RICH_TEXT_NODES) return;
  if (raw.type === 'text') {
    unknownKeys(raw, ['type', 'text', 'marks'], at, sink);
    if (typeof raw.text !== 'string' || raw.text === '')
      return sink.add(`${at}.text`, 'invalid', { expected: 'nonEmptyText', value: raw.text });
    budget.chars += raw.text.length;
    if (raw.marks === undefined) return;
    if (!Array.isArray(raw.marks))
      return sink.add(`${at}.marks`, 'invalid', { expected: 'list', value: raw.marks });
    raw.marks.forEach((mark, i) => checkMark(mark, `${at}.marks[${i}]`, sink));
    return;
  }
  unknownKeys(raw, ['type', 'attrs', 'content'], at, sink);
  if (!nodeNameSchema.safeParse(raw.type).success)
    return sink.add(`${at}.type`, 'invalid', { expected: 'nodeType', value: raw.type });
  checkAttrs(raw.attrs, `${at}.attrs`, sink);
  checkContent(raw.content, `${at}.content`, depth + 1, budget, sink);
}

function checkContent(raw: unknown, at: string, depth: number, budget: Budget, sink: IssueSink) {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) return sink.add(at, 'invalid', { expected: 'list', value: raw });
  if (depth > MAX_RICH_TEXT_DEPTH)
    return sink.add(at, 'tooMany', { expected: 'maxDepth', max: MAX_RICH_TEXT_DEPTH });
  raw.forEach((node, i) => checkNode(node, `${at}[${i}]`, depth, budget, sink));
}

/** Checks a note's `text`: a `{ type: 'doc', content: [...] }` ProseMirror document. */
export function checkRichText(raw: unknown, at: string, sink: IssueSink): void {
  if (!isObject(raw) || raw.type !== 'doc' || !Array.isArray(raw.content))
    return sink.add(at, 'invalid', { expected: 'richText', value: raw });
  unknownKeys(raw, ['type', 'content'], at, sink);
  const budget: Budget = { chars: 0, nodes: 0 };
  checkContent(raw.content, `${at}.content`, 1, budget, sink);
  if (budget.nodes > MAX_RICH_TEXT_NODES)
    sink.add(at, 'tooMany', { expected: 'maxNodes', max: MAX_RICH_TEXT_NODES });
  if (budget.chars > MAX_RICH_TEXT_CHARS)
    sink.add(at, 'tooMany', { expected: 'maxChars', max: MAX_RICH_TEXT_CHARS });
}
