/**
 * @prozesswerkstatt/plan-templates — the built-in templates a plan can start from: each a plan in
 * the canonical JSON form (`src/templates/*.json`, reviewable as text), with a title and a short
 * description for the picker in German and English. The plans are validated where they are used
 * (plan-model's `parsePlanJSON`, which also migrates an older schema version) and in this
 * package's test, so a schema change that breaks one fails loudly.
 */
import bebauungsplan from './templates/bebauungsplan-fruehzeitig.json' with { type: 'json' };
import kiezfonds from './templates/kiezfonds.json' with { type: 'json' };
import strategie from './templates/ressortuebergreifende-strategie.json' with { type: 'json' };
import spielplatz from './templates/spielplatz-mit-kindern.json' with { type: 'json' };

/** The languages the picker shows a template's title and description in. */
export type TemplateLocale = 'de' | 'en';

/** One built-in template. */
export interface PlanTemplate {
  /** Stable id, as the picker sends it (the file's name). */
  id: string;
  title: Readonly<Record<TemplateLocale, string>>;
  /** One or two sentences: what kind of process, which steps. */
  summary: Readonly<Record<TemplateLocale, string>>;
  /** The plan in JSON form; validate it with plan-model's `parsePlanJSON` before use. */
  plan: unknown;
}

/** The built-in templates, in the picker's order. */
export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: 'bebauungsplan-fruehzeitig',
    title: {
      de: 'Frühzeitige Öffentlichkeitsbeteiligung zum Bebauungsplan',
      en: 'Early public participation in a local development plan',
    },
    summary: {
      de: 'Nach § 3 Abs. 1 BauGB: über Ziele, Varianten und Auswirkungen der Planung unterrichten, Äußerungen vor Ort und online aufnehmen, für die Abwägung auswerten und öffentlich zurückmelden.',
      en: 'Under section 3(1) of the Federal Building Code (BauGB): inform about the aims, options and effects of the plan, take comments on site and online, evaluate them for the weighing of interests and report back in public.',
    },
    plan: bebauungsplan,
  },
  {
    id: 'spielplatz-mit-kindern',
    title: { de: 'Spielplatz mit Kindern planen', en: 'A playground planned with children' },
    summary: {
      de: 'Kinder erkunden den Ort, sammeln Ideen, bauen Modelle mit dem Planungsbüro, stimmen über Varianten ab und erfahren, was aus ihren Ideen geworden ist.',
      en: 'Children explore the site, collect ideas, build models with the landscape architects, vote on the options and learn what became of their ideas.',
    },
    plan: spielplatz,
  },
  {
    id: 'ressortuebergreifende-strategie',
    title: { de: 'Ressortübergreifende Strategie', en: 'A cross-department strategy' },
    summary: {
      de: 'Mehrere Verwaltungen erarbeiten eine gemeinsame Strategie: Lenkungskreis, Fachwerkstätten mit Zivilgesellschaft und Betroffenen, öffentliche Konsultation zum Entwurf, Beschluss und Ergebnisbericht.',
      en: 'Several departments develop a joint strategy: a steering group, expert workshops with civil society and those affected, a public consultation on the draft, the decision and a report on the results.',
    },
    plan: strategie,
  },
  {
    id: 'kiezfonds',
    title: {
      de: 'Bürgerhaushalt im Kiez (Kiezfonds)',
      en: 'Participatory budget for a neighbourhood (Kiezfonds)',
    },
    summary: {
      de: 'Menschen im Kiez schlagen Projekte für ein festes Budget vor und entscheiden mit: Regeln und Aufruf, Einreichung und Prüfung, Abstimmung, Umsetzung und Rechenschaft.',
      en: 'People in the neighbourhood propose projects for a fixed budget and decide together: rules and call for ideas, submission and review, vote, implementation and accountability.',
    },
    plan: kiezfonds,
  },
];

/** The built-in template with `id`, or undefined. */
export function findPlanTemplate(id: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((template) => template.id === id);
}
