import { describe, expect, it } from 'vitest';
import { escapeCell, escapeText } from './markdown-text.js';
import { planToMarkdown } from './markdown.js';
import { fileSlug } from './plan-facts.js';
import { LABELS, samplePlan } from './test-fixtures.js';

describe('planToMarkdown', () => {
  const plan = samplePlan();
  const md = planToMarkdown({ plan }, LABELS);

  it('starts with the title and the plan facts', () => {
    expect(md.split('\n').slice(0, 7)).toEqual([
      '# Spielplatz Körnerpark',
      '',
      '- **Anfragende Stelle:** Straßen- und Grünflächenamt',
      '- **Prozessbegleitung:** Ada Lovelace',
      '- **Status:** Entwurf',
      '- **Erstellt:** 2026-11-02 09:00',
      '- **Zuletzt geändert:** 2026-11-20 15:30',
    ]);
  });

  it('says when an approved plan changed since its approval, and never for a draft', () => {
    const approved = { ...plan, meta: { ...plan.meta, status: 'approved' as const } };
    expect(planToMarkdown({ plan: approved, changedSinceApproval: 'Fassung 1' }, LABELS)).toContain(
      '- **Status:** Geändert seit Freigabe \\(Version „Fassung 1“\\)',
    );
    expect(planToMarkdown({ plan: approved }, LABELS)).toContain('- **Status:** Freigegeben');
    expect(planToMarkdown({ plan, changedSinceApproval: 'Fassung 1' }, LABELS)).toContain(
      '- **Status:** Entwurf',
    );
  });

  it('renders rich text: paragraphs, headings below the section, styles, links, nested lists', () => {
    expect(md).toContain(
      '### Anlass\n\nDer Spielplatz ist marode.\n\nZweiter Absatz.\n\n### Ziele',
    );
    expect(md).toContain('#### Leitziel');
    expect(md).toContain(
      'Wir wollen **mehr Grün** und *Schatten*, siehe [Plan](<https://example.org/plan>) und Trick',
    );
    expect(md).not.toContain('javascript:');
    expect(md).toContain('- Spielgeräte\n- \n  1. Bänke\n  2. Bäume\n- Wege');
  });

  it('escapes user text so it cannot become a heading, a link or a table column', () => {
    expect(md).toContain('\\# kein Titel \\| \\[x\\]\\(y\\)');
    expect(md).not.toMatch(/^# kein Titel/m);
    expect(md).toContain(
      '| Anwohnende \\| Nord | Bürgerschaft | 2 | 5 | Mitwirkung | Kiezrat | Viele Familien<br>zweite Zeile |',
    );
    const evil = planToMarkdown(
      { plan: { ...plan, meta: { ...plan.meta, title: '# x\n- [a](javascript:1)' } } },
      LABELS,
    );
    expect(evil.split('\n')[0]).toBe('# \\# x - \\[a\\]\\(javascript:1\\)');
  });

  it('has a stakeholder table and a formats table per phase', () => {
    expect(md).toContain(
      '| Name | Gruppe | Einfluss | Interesse | Beteiligungsstufe | Ansprechrolle | Notizen |\n| --- | --- | --- | --- | --- | --- | --- |',
    );
    expect(md).toContain('| Bezirksverordnete | Verwaltung | 5 | 3 | Information | — | — |');
    expect(md).toContain(
      '### 1\\. Workshop\n\n- **Art der Phase:** Beteiligung\n- **Zeitraum:** 01.12.2026 – 15.12.2026',
    );
    expect(md).toMatch(/- \*\*Personentage:\*\* 3,5\n- \*\*Budget:\*\* 1\.200,00\s€/);
    expect(md).toContain('| Workshop | — | A |\n| Kiezspaziergang | C | — |');
    expect(md).toContain(
      '| Kiezspaziergang | Spaziergang | 2026-12-03 16:00 | 90 Min. | hybrid \\(Treffpunkt Brunnen\\) | Anwohnende \\| Nord | Grace Hopper |',
    );
    expect(md).toContain('##### Kiezspaziergang\n\n**Erwartetes Ergebnis:** Liste der Wünsche');
    expect(md).toContain('### 2\\. Auswertung');
    expect(md).toContain('Keine Formate.');
    expect(md).toContain('### Ergebnisse zu „Kiezspaziergang“');
  });

  it('adds the version and its approval record when given', () => {
    const withVersion = planToMarkdown(
      {
        plan,
        version: {
          label: 'Fassung 1',
          note: '',
          createdAt: '2026-11-21T10:00:00.000Z',
          authorName: 'Ada',
          sha256: 'ab'.repeat(32),
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
          {
            userName: 'Bob',
            role: 'editor',
            decision: 'rejected',
            reason: 'Zu | früh',
            at: '2026-11-22T09:00:00Z',
          },
        ],
      },
      LABELS,
    );
    expect(withVersion).toContain(`- **SHA-256:** \`${'ab'.repeat(32)}\``);
    expect(withVersion).toContain(
      '| Ada | Prozessbegleitung | freigegeben | 2026-11-22 08:00 | — |',
    );
    expect(withVersion).toContain(
      '| Bob | Bearbeitung | abgelehnt | 2026-11-22 09:00 | Zu \\| früh |',
    );
    expect(md).not.toContain('## Freigaben');
    // The plan status inside a snapshot predates its submission; the version status counts.
    expect(md).toContain('- **Status:** Entwurf');
    expect(withVersion).not.toContain('- **Status:** Entwurf');
  });

  it('lists the open comment threads when given, escaped like all user text', () => {
    const withThreads = planToMarkdown(
      {
        plan,
        openThreads: [
          {
            anchorLabel: 'Beteiligte „Kiezrat“',
            status: 'open',
            comments: [
              { authorName: 'Bob', body: '# Bitte\nprüfen [hier](x)', at: '2026-11-23T10:00:00Z' },
            ],
          },
        ],
      },
      LABELS,
    );
    expect(withThreads).toContain(
      '## Offene Kommentare\n\n### Beteiligte „Kiezrat“\n\n- **Status:** offen\n\n**Bob** (2026-11-23 10:00):\\\n\\# Bitte\\\nprüfen \\[hier\\]\\(x\\)',
    );
  });
});

describe('markdown escaping', () => {
  it('escapes line-start markers and inline specials', () => {
    expect(escapeText('- a\n1. b\n    code\n=== x')).toBe('\\- a\n1\\. b\ncode\n\\=== x');
    expect(escapeText('a *b* _c_ `d` <e> &amp; ~f~ !g')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> \\&amp; \\~f\\~ \\!g',
    );
    expect(escapeCell('a|b\nc', '—')).toBe('a\\|b<br>c');
    expect(escapeCell('  ', '—')).toBe('—');
  });
});

describe('fileSlug', () => {
  it('makes a safe ASCII file name', () => {
    expect(fileSlug('Spielplatz Körnerpark: Süd/Ost!')).toBe('spielplatz-koernerpark-sued-ost');
    expect(fileSlug('"../../etc"')).toBe('etc');
    expect(fileSlug('日本')).toBe('plan');
  });
});
