import JSZip from 'jszip';
import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { outlineToMarkdown } from './markdown.js';
import { outlineToDocx } from './outline-docx.js';
import type { Section } from './outline/outline.js';

/**
 * A section of a kind no renderer knows (as a later part — a guideline check, a results
 * report — would add), with every kind of block: it must render everywhere without a change
 * to the renderers, user text escaped.
 */
const LATER_PART: Section[] = [
  {
    kind: 'guideline-check',
    key: 'checks',
    level: 2,
    heading: 'Leitlinien-Check',
    content: [
      { kind: 'facts', facts: [{ label: 'Vollständig', value: '3 von 4' }] },
      {
        kind: 'paragraph',
        lead: 'Hinweis',
        runs: [
          { text: 'Siehe ', bold: false, italic: false },
          { text: 'Leitlinien', bold: true, italic: false, href: 'https://example.org/l' },
        ],
      },
      {
        kind: 'text',
        blocks: [
          {
            kind: 'list',
            ordered: false,
            items: [
              { runs: [{ text: 'Ziel *benannt*', bold: false, italic: false }], children: [] },
              { runs: [{ text: 'Zeitplan', bold: false, italic: false }], children: [] },
            ],
          },
        ],
      },
      {
        kind: 'table',
        header: ['Punkt', 'Stand'],
        rows: [['Gestaltungs|spielraum', 'offen']],
        rowHeaders: true,
      },
      {
        kind: 'section',
        section: {
          kind: 'check-item',
          key: 'checks-1',
          level: 3,
          heading: '# Rückmeldung',
          content: [
            { kind: 'statement', who: 'Ada', when: '2026-12-01 10:00', text: 'fehlt\nnoch' },
          ],
        },
      },
    ],
  },
];

describe('outline renderers', () => {
  it('write a new kind of section as Markdown, escaped, without knowing the kind', () => {
    expect(outlineToMarkdown(LATER_PART)).toBe(
      [
        '## Leitlinien-Check',
        '- **Vollständig:** 3 von 4',
        '**Hinweis:** Siehe [**Leitlinien**](<https://example.org/l>)',
        '- Ziel \\*benannt\\*\n- Zeitplan',
        '| Punkt | Stand |\n| --- | --- |\n| Gestaltungs\\|spielraum | offen |',
        '### \\# Rückmeldung',
        '**Ada** (2026-12-01 10:00):\\\nfehlt\\\nnoch',
      ].join('\n\n') + '\n',
    );
  });

  it('write the same section into a Word document', async () => {
    const doc = new Document({ sections: [{ children: outlineToDocx(LATER_PART) }] });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(text).toEqual([
      'Leitlinien-Check',
      'Vollständig: 3 von 4',
      'Hinweis: Siehe Leitlinien',
      'Ziel *benannt*',
      'Zeitplan',
      'Punkt',
      'Stand',
      'Gestaltungs|spielraum',
      'offen',
      '# Rückmeldung',
      'Ada (2026-12-01 10:00):',
      'fehltnoch', // one paragraph: "fehlt", a line break, "noch"
    ]);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*Leitlinien-Check/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*# Rückmeldung/);
    expect(xml).toContain('<w:tblHeader/>');
  });
});
