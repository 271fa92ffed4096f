import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { fragmentToRichText, richTextToFragmentContent } from './rich-text';

const schema = getSchema([StarterKit]);

/** Writes rich-text JSON into a fresh document's fragment with our writer, and returns it. */
function written(json: ReturnType<typeof fragmentToRichText>): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text');
  doc.transact(() => fragment.insert(0, richTextToFragmentContent(json)));
  return fragment;
}

/** Every StarterKit node and mark with attributes: what the editor can write. */
const EVERYTHING = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'struck', marks: [{ type: 'strike' }] },
                { type: 'hardBreak' },
                { type: 'text', text: 'code', marks: [{ type: 'code' }] },
              ],
            },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'text', text: 'nested', marks: [{ type: 'underline' }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }],
    },
    { type: 'horizontalRule' },
    { type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: 'x = 1' }] },
    { type: 'paragraph' },
  ],
};

describe('rich text ↔ Y.XmlFragment', () => {
  it('reads and writes every StarterKit node and mark so the editor sees the same document', () => {
    const source = prosemirrorJSONToYDoc(schema, EVERYTHING, 'text').getXmlFragment('text');
    const json = fragmentToRichText(source);
    const copy = written(JSON.parse(JSON.stringify(json)));
    expect(yXmlFragmentToProsemirrorJSON(copy)).toEqual(yXmlFragmentToProsemirrorJSON(source));
    expect(fragmentToRichText(copy)).toEqual(json);
  });

  it('keeps number attributes as numbers and leaves null ones out, as y-prosemirror stores them', () => {
    const source = prosemirrorJSONToYDoc(schema, EVERYTHING, 'text').getXmlFragment('text');
    const [heading, list] = fragmentToRichText(source).content;
    expect(heading).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(list).toMatchObject({ type: 'orderedList', attrs: { start: 3 } });
    expect(Object.keys((list as { attrs: object }).attrs)).toEqual(['start']);
  });

  it('merges neighbouring text runs into one Y.XmlText, as the editor does', () => {
    const fragment = written({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    });
    const paragraph = fragment.get(0) as Y.XmlElement;
    expect(paragraph.length).toBe(1);
    expect((paragraph.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'a' },
      { insert: 'b', attributes: { bold: {} } },
    ]);
  });
});
