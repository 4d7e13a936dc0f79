/**
 * Fixtures of the plan-export tests: German labels and a plan with every part filled in, its
 * rich text written by a real headless Lexical editor bound with `@lexical/yjs` (the structure
 * the board writes), so the readers are tested against what users produce.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createYjsBinding, syncLexicalUpdateToYjs, type Provider } from '@lexical/yjs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  SKIP_COLLAB_TAG,
  type LexicalEditor,
} from 'lexical';
import {
  addFormat,
  addPhase,
  addResult,
  addStakeholder,
  getOverviewText,
  getPhase,
  getStakeholder,
  initPlan,
  planToJSON,
  setGuidelineNotApplicable,
  setResponsibility,
  writePlainParagraphs,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import type { ExportLabels } from './input.js';

/** German labels, as the app's catalog gives them. */
/** Field names the tests' documents show (the app looks them up in its catalog). */
const FIELD_NAMES: Record<string, string> = {
  occasion: 'Anlass',
  goals: 'Ziele',
  scopeOfInfluence: 'Gestaltungsspielraum',
  constraints: 'Rahmenbedingungen',
  openQuestions: 'Offene Fragen',
  hardToReachGroups: 'Schwer erreichbare Gruppen',
  resultsHandling: 'Umgang mit Ergebnissen',
  participantFeedback: 'Rückmeldung an die Beteiligten',
  evaluation: 'Auswertung',
  kind: 'Art der Phase',
  staffDays: 'Personentage',
  budgetEuros: 'Budget',
  rooms: 'Räume',
  platforms: 'Plattformen',
  translationHours: 'Übersetzung (Stunden)',
  expectedOutput: 'Erwartetes Ergebnis',
  resources: 'Ressourcen',
  description: 'Beschreibung',
};

export const LABELS: ExportLabels = {
  field: (key) => FIELD_NAMES[key] ?? key,
  untitled: 'Ohne Titel',
  none: '—',
  requestingUnit: 'Anfragende Stelle',
  facilitator: 'Prozessbegleitung',
  status: 'Status',
  createdAt: 'Erstellt',
  updatedAt: 'Zuletzt geändert',
  overviewHeading: 'Überblick',
  stakeholdersHeading: 'Beteiligte',
  noStakeholders: 'Keine Beteiligten.',
  stakeholderColumns: {
    name: 'Name',
    group: 'Gruppe',
    power: 'Einfluss',
    interest: 'Interesse',
    participationLevel: 'Beteiligungsstufe',
    contactRole: 'Ansprechrolle',
    notes: 'Notizen',
  },
  phasesHeading: 'Phasen',
  noPhases: 'Keine Phasen.',
  phasePeriod: 'Zeitraum',
  phaseLevel: 'Beteiligungsstufe',
  phaseGoal: 'Ziel',
  responsibilitiesHeading: 'Zuständigkeiten',
  raciLegend: 'R = verantwortlich, A = rechenschaftspflichtig, C = konsultiert, I = informiert',
  formatsHeading: 'Formate',
  noFormats: 'Keine Formate.',
  formatColumns: {
    title: 'Titel',
    method: 'Methode',
    dateTime: 'Termin',
    duration: 'Dauer',
    mode: 'Durchführung',
    targets: 'Zielgruppen',
    responsible: 'Verantwortlich',
  },
  resultsHeading: 'Ergebnisse',
  resultFor: (subject) => `Ergebnisse zu „${subject}“`,
  resultFeedback: 'Rückmeldung',
  versionHeading: 'Version',
  versionLabel: 'Bezeichnung',
  versionNote: 'Notiz',
  versionCreatedAt: 'Erstellt',
  versionAuthor: 'Erstellt von',
  versionStatus: 'Status',
  versionHash: 'SHA-256',
  approvalsHeading: 'Freigaben',
  noApprovals: 'Noch keine Freigaben.',
  approvalColumns: {
    person: 'Person',
    role: 'Rolle',
    decision: 'Entscheidung',
    at: 'Zeitpunkt',
    reason: 'Begründung',
  },
  threadsHeading: 'Offene Kommentare',
  threadStatus: 'Status',
  guideline: {
    heading: 'Leitlinien-Check',
    summary: ({ complete, applicable, notApplicable }) =>
      `${complete} von ${applicable} erfüllt` +
      (notApplicable > 0 ? `, ${notApplicable} nicht zutreffend` : ''),
    columns: { item: 'Punkt', status: 'Stand', note: 'Hinweis' },
    item: (id) => ({ goal: 'Ziele', scope: 'Gestaltungsspielraum' })[id as string] ?? id,
    status: (s) =>
      ({ complete: 'erfüllt', incomplete: 'unvollständig', 'not-applicable': 'nicht zutreffend' })[
        s
      ],
    recomputed: 'Nachträglich mit den heutigen Regeln geprüft.',
    gap: (gap) =>
      gap.kind === 'empty-field'
        ? `„${FIELD_NAMES[gap.field] ?? gap.field}“ ist leer.`
        : 'phase' in gap
          ? `${gap.kind}: ${gap.phase.title}`
          : gap.kind,
  },
  group: (g) => ({ citizens: 'Bürgerschaft', administration: 'Verwaltung' })[g] ?? g,
  level: (l) => ({ inform: 'Information', consult: 'Konsultation', involve: 'Mitwirkung' })[l] ?? l,
  mode: (m) => ({ online: 'online', offline: 'vor Ort', hybrid: 'hybrid' })[m] ?? m,
  phaseKind: (k) =>
    ({ planning: 'Vorbereitung', participation: 'Beteiligung', decision: 'Entscheidung' })[k] ?? k,
  number: (n) => n.toLocaleString('de-DE'),
  euros: (n) => n.toLocaleString('de-DE', { style: 'currency', currency: 'EUR' }),
  planStatus: (s) => ({ draft: 'Entwurf', approved: 'Freigegeben' })[s] ?? s,
  changedSinceApproval: (label) => `Geändert seit Freigabe (Version „${label}“)`,
  versionStatusName: (s) => ({ approved: 'Freigegeben' })[s] ?? s,
  decision: (d) => ({ approved: 'freigegeben', rejected: 'abgelehnt' })[d] ?? d,
  role: (r) => ({ facilitator: 'Prozessbegleitung', editor: 'Bearbeitung' })[r] ?? r,
  threadStatusName: (s) => ({ open: 'offen' })[s] ?? s,
  duration: (minutes) => `${minutes} Min.`,
  date: (iso) => iso.split('-').reverse().join('.'),
  dateTime: (iso) => iso.replace('T', ' ').slice(0, 16),
};

const provider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  on: () => {},
  off: () => {},
};

/** A headless editor writing into `xmlText` the way the board's editor does. */
function bindEditor(doc: Y.Doc, xmlText: Y.XmlText): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({
    editor,
    id: 'main',
    doc,
    docMap: new Map([['main', doc]]),
    getXmlText: () => xmlText,
  });
  editor.registerUpdateListener((update) => {
    if (update.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      provider,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    );
  });
  return editor;
}

/**
 * Writes, through a real editor: a heading, a paragraph with bold, italic and a link, a bullet
 * list with a nested numbered list, and a paragraph starting with `# ` (user text, not a heading).
 */
function writeFormattedGoals(doc: Y.Doc): void {
  const editor = bindEditor(doc, getOverviewText(doc, 'goals'));
  editor.update(
    () => {
      const heading = $createHeadingNode('h4').append($createTextNode('Leitziel'));
      const paragraph = $createParagraphNode().append(
        $createTextNode('Wir wollen '),
        $createTextNode('mehr Grün').toggleFormat('bold'),
        $createTextNode(' und '),
        $createTextNode('Schatten').toggleFormat('italic'),
        $createTextNode(', siehe '),
        $createLinkNode('https://example.org/plan').append($createTextNode('Plan')),
        $createTextNode(' und '),
        $createLinkNode('javascript:alert(1)').append($createTextNode('Trick')),
      );
      const nested = $createListNode('number').append(
        $createListItemNode().append($createTextNode('Bänke')),
        $createListItemNode().append($createTextNode('Bäume')),
      );
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('Spielgeräte')),
        $createListItemNode().append(nested),
        $createListItemNode().append($createTextNode('Wege')),
      );
      const hash = $createParagraphNode().append($createTextNode('# kein Titel | [x](y)'));
      $getRoot().append(heading, paragraph, list, hash);
    },
    { discrete: true },
  );
}

/** A plan with meta, formatted overview text, two stakeholders, phases, formats and a result. */
export function samplePlan(): PlanJSON {
  const doc = new Y.Doc();
  initPlan(doc, {
    title: 'Spielplatz Körnerpark',
    requestingUnit: 'Straßen- und Grünflächenamt',
    facilitator: 'Ada Lovelace',
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-20T15:30:00.000Z',
  });
  writePlainParagraphs(getOverviewText(doc, 'occasion'), [
    'Der Spielplatz ist marode.',
    'Zweiter Absatz.',
  ]);
  writeFormattedGoals(doc);
  const anwohner = addStakeholder(doc, {
    name: 'Anwohnende | Nord',
    group: 'citizens',
    power: 2,
    interest: 5,
    participationLevel: 'involve',
    contactRole: 'Kiezrat',
  });
  writePlainParagraphs(getStakeholder(doc, anwohner)!.notes, ['Viele Familien', 'zweite Zeile']);
  const council = addStakeholder(doc, {
    name: 'Bezirksverordnete',
    group: 'administration',
    power: 5,
    interest: 3,
  });
  const phase = addPhase(doc, {
    title: 'Workshop',
    start: '2026-12-01',
    end: '2026-12-15',
    participationLevel: 'consult',
    staffDays: 3.5,
    budgetEuros: 1200,
    rooms: 1,
    platforms: 1,
    translationHours: 4,
  });
  setResponsibility(doc, { kind: 'phase', id: phase }, council, 'A');
  writePlainParagraphs(getPhase(doc, phase)!.goal, ['Ideen sammeln']);
  const format = addFormat(doc, {
    phaseId: phase,
    title: 'Kiezspaziergang',
    method: 'Spaziergang',
    dateTime: '2026-12-03T16:00:00+01:00',
    durationMinutes: 90,
    mode: 'hybrid',
    placeOrTool: 'Treffpunkt Brunnen',
    targetStakeholderIds: [anwohner],
    expectedOutput: 'Liste der Wünsche',
    responsible: 'Grace Hopper',
    methodId: 'kiezspaziergang',
  });
  setResponsibility(doc, { kind: 'format', id: format }, anwohner, 'C');
  addPhase(doc, { title: 'Auswertung', kind: 'decision' });
  addResult(doc, { subjectId: format });
  setGuidelineNotApplicable(doc, 'evaluation', 'Kleines Vorhaben | keine Evaluation');
  return planToJSON(doc);
}
