import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextJSONSchema, richTextToJSON, writeRichTextJSON } from './json.js';

describe('RichTextJSON', () => {
  it('rebuilds every kind of embed and attribute exactly', () => {
    const doc = new Y.Doc();
    const root = doc.get('source', Y.XmlText) as Y.XmlText;
    doc.transact(() => {
      const block = new Y.XmlText();
      root.insertEmbed(0, block);
      block.setAttribute('__type', 'heading');
      const state = new Y.Map<unknown>();
      block.setAttribute('__state', state);
      state.set('color', { r: 1, list: [1, 2] });
      block.insert(0, 'bold', { bold: true });
      block.insert(4, ' plain', {});
      const decorator = new Y.XmlElement('image');
      root.insertEmbed(1, decorator);
      decorator.setAttribute('src', 'a.png');
      decorator.insert(0, [new Y.XmlText('caption')]);
      const list = new Y.Array<unknown>();
      root.insertEmbed(2, list);
      list.push(['x', 3, null]);
      root.insertEmbed(3, { plain: 'object' });
    });
    const json = richTextToJSON(root);
    expect(richTextJSONSchema.safeParse(json).success).toBe(true);
    const copy = new Y.Doc();
    const target = copy.get('target', Y.XmlText) as Y.XmlText;
    target.insert(0, 'old content');
    writeRichTextJSON(target, JSON.parse(JSON.stringify(json)));
    expect(richTextToJSON(target)).toEqual(json);
    expect(target.toString()).toBe(root.toString());
  });
});
