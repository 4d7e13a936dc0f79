import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planToDocx } from './docx.js';
import { LABELS, samplePlan } from './test-fixtures.js';

/** The text of a DOCX's main part, paragraphs as lines, and the raw XML. */
async function readDocx(bytes: Uint8Array): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');
  return { text, xml };
}

describe('planToDocx', () => {
  it('writes a DOCX that parses and holds the title, stakeholders and formats', async () => {
    const plan = samplePlan();
    const bytes = await planToDocx({ plan }, LABELS);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip file
    const { text, xml } = await readDocx(bytes);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Spielplatz Körnerpark');
    expect(lines).toContain('Anwohnende | Nord');
    expect(lines).toContain('Bezirksverordnete');
    expect(lines).toContain('Kiezspaziergang');
    expect(lines).toContain('1. Workshop');
    expect(lines).toContain('Wir wollen mehr Grün und Schatten, siehe Plan und Trick');
    // Four tables: stakeholders, the formats and responsibilities of the first phase, and the
    // guideline check.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(4);
    expect(lines).toContain('Leitlinien-Check');
    expect(lines).toContain('Kleines Vorhaben | keine Evaluation');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    const zip = await JSZip.loadAsync(bytes);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('https://example.org/plan');
    expect(rels).not.toContain('javascript:');
    // Bold run of the rich text.
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}mehr Grün/);
  });

  it('writes the approval record with the SHA-256', async () => {
    const bytes = await planToDocx(
      {
        plan: samplePlan(),
        version: {
          label: 'Fassung 1',
          note: 'Für die BVV',
          createdAt: '2026-11-21T10:00:00.000Z',
          authorName: 'Ada',
          sha256: 'cd'.repeat(32),
          status: 'approved',
        },
        approvals: [
          {
            userName: 'Ada',
            role: 'facilitator',
            decision: 'approved',
            reason: '',
            at: '2026-11-22T08:00:00Z',
          },
        ],
      },
      LABELS,
    );
    const { text } = await readDocx(bytes);
    // Word's document properties carry the version's date, not the day of the export.
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
    expect(core).toMatch(/<dcterms:created [^>]*>2026-11-21T10:00:00.000Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-11-21T10:00:00.000Z<\/dcterms:modified>/);
    expect(text).toContain('Freigaben');
    expect(text).toContain(`SHA-256: ${'cd'.repeat(32)}`);
    expect(text).toContain('Prozessbegleitung');
    expect(text).toContain('freigegeben');
  });

  it('says when an approved plan changed since its approval', async () => {
    const plan = samplePlan();
    plan.meta.status = 'approved';
    const changed = await readDocx(
      await planToDocx({ plan, changedSinceApproval: 'Fassung 1' }, LABELS),
    );
    expect(changed.text).toContain('Status: Geändert seit Freigabe (Version „Fassung 1“)');
    const unchanged = await readDocx(await planToDocx({ plan }, LABELS));
    expect(unchanged.text).toContain('Status: Freigegeben');
  });

  it('drops characters Word cannot read instead of writing a broken file', async () => {
    const plan = samplePlan();
    plan.meta.title = 'Bad\u0001Title\uD800 <&>';
    const { text } = await readDocx(await planToDocx({ plan }, LABELS));
    expect(text.split('\n')[0]).toBe('BadTitle &lt;&amp;&gt;');
  });
});
