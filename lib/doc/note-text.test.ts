import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cloneFragmentContent, fragmentToPlainText, plainTextToParagraphs } from './note-text';
import { RICH_TEXT_PLAIN, richTextContent } from './test-support';

type Node = Y.XmlElement | Y.XmlText;

function element(name: string, ...children: (Node | string)[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(
    0,
    children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)),
  );
  return el;
}

const p = (...children: (Node | string)[]) => element('paragraph', ...children);
const li = (...children: Node[]) => element('listItem', ...children);

/** A fragment in a fresh document holding the given nodes, as the editor would store it. */
function fragmentOf(...nodes: Node[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('text');
  fragment.insert(0, nodes);
  return fragment;
}

describe('fragmentToPlainText', () => {
  it('is empty for an empty fragment', () => {
    expect(fragmentToPlainText(fragmentOf())).toBe('');
  });

  it('puts each paragraph on its own line, keeping empty ones between', () => {
    expect(fragmentToPlainText(fragmentOf(p('One'), p(), p('Two')))).toBe('One\n\nTwo');
  });

  it('drops trailing empty lines', () => {
    expect(fragmentToPlainText(fragmentOf(p('One'), p(), p()))).toBe('One');
  });

  it('bullets the items of a bullet list', () => {
    const list = element('bulletList', li(p('Email')), li(p('Phone')));
    expect(fragmentToPlainText(fragmentOf(p('Channels:'), list))).toBe(
      'Channels:\n• Email\n• Phone',
    );
  });

  it('numbers the items of an ordered list', () => {
    const list = element('orderedList', li(p('Acquire')), li(p('Keep')), li(p('Grow')));
    expect(fragmentToPlainText(fragmentOf(list))).toBe('1. Acquire\n2. Keep\n3. Grow');
  });

  it('indents a nested list and the later paragraphs of an item', () => {
    const nested = element('bulletList', li(p('inner')));
    const list = element('orderedList', li(p('outer'), nested, p('more')));
    expect(fragmentToPlainText(fragmentOf(list))).toBe('1. outer\n  • inner\n  more');
  });

  it('turns a hard break into a new line', () => {
    expect(fragmentToPlainText(fragmentOf(p('Line 1', element('hardBreak'), 'Line 2')))).toBe(
      'Line 1\nLine 2',
    );
  });

  it('ignores marks, whether inserted with attributes or formatted later', () => {
    const formatted = new Y.XmlText('plain bold italic');
    const fragment = fragmentOf(p(formatted), ...richTextContent());
    fragment.doc!.transact(() => {
      formatted.format(6, 4, { bold: true });
      formatted.format(11, 6, { italic: true, link: { href: 'https://example.com' } });
    });
    expect(formatted.toDelta()).toEqual([
      { insert: 'plain ' },
      { insert: 'bold', attributes: { bold: true } },
      { insert: ' ' },
      { insert: 'italic', attributes: { italic: true, link: { href: 'https://example.com' } } },
    ]);
    expect(fragmentToPlainText(fragment)).toBe(`plain bold italic\n${RICH_TEXT_PLAIN}`);
  });

  it('reads headings and code blocks as lines and unknown wrappers through', () => {
    const quote = element('blockquote', p('quoted'));
    expect(
      fragmentToPlainText(
        fragmentOf(element('heading', 'Title'), quote, element('codeBlock', 'x')),
      ),
    ).toBe('Title\nquoted\nx');
  });
});

describe('plainTextToParagraphs', () => {
  it.each([
    ['one line', 'Hello'],
    ['several lines', 'Segment A\nSegment B\nSegment C'],
    ['an empty line in the middle', 'a\n\nb'],
    ['non-Latin text', 'Relaciones con los clientes — año 1 😀'],
  ])('round-trips %s through a fragment', (_label, text) => {
    const paragraphs = plainTextToParagraphs(text);
    expect(paragraphs.map((node) => node.nodeName)).toEqual(
      text.split('\n').map(() => 'paragraph'),
    );
    expect(fragmentToPlainText(fragmentOf(...paragraphs))).toBe(text);
  });

  it('gives one empty paragraph for empty text', () => {
    const paragraphs = plainTextToParagraphs('');
    expect(paragraphs).toHaveLength(1);
    expect(fragmentOf(...paragraphs).toString()).toBe('<paragraph></paragraph>');
  });
});

describe('cloneFragmentContent', () => {
  it('copies structure and marks into new, unattached nodes', () => {
    const source = fragmentOf(...richTextContent());
    const clones = cloneFragmentContent(source);
    expect(clones.every((node) => node.doc === null)).toBe(true);
    const target = fragmentOf(...clones);
    expect(target.toString()).toBe(source.toString());
    expect(fragmentToPlainText(target)).toBe(RICH_TEXT_PLAIN);
  });
});
