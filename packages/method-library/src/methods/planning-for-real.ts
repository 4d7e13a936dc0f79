import type { Method } from '../schema.js';

/** Ortsbegehung mit Modell (Planning for Real) (Planning for Real with a model). */
const method: Method = {
  id: 'planning-for-real',
  name: {
    de: 'Ortsbegehung mit Modell (Planning for Real)',
    en: 'Planning for Real with a model',
  },
  purpose: {
    de: 'An einem großen, begehbaren oder tischgroßen Modell des Quartiers setzen Menschen Karten mit Vorschlägen (Bank, Baum, Ampel) an die passende Stelle und besprechen sie. Nach einer Begehung vor Ort werden Prioritäten gemeinsam festgelegt.',
    en: 'On a large model of the neighbourhood, walk-on or table-sized, people place cards with suggestions (bench, tree, traffic light) where they belong and discuss them. After a site visit, priorities are set together.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 15,
    max: 100,
  },
  duration: {
    min: 3,
    max: 6,
    unit: 'hours',
    note: {
      de: 'Ein Nachmittag oder Wochenende; das Modell kann mehrere Wochen an Orten im Kiez stehen.',
      en: 'An afternoon or weekend; the model may tour the neighbourhood for several weeks.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Modellbau, oft gemeinsam mit Schulen oder Nachbarschaft; Moderation am Modell.',
      en: 'Building the model, often with schools or neighbours; facilitation at the model.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Modellmaterial, Raum, Moderation.',
      en: 'Model material, venue, facilitation.',
    },
  },
  recruitment: {
    de: 'Offen; Modell an Orten aufstellen, wo Menschen ohnehin sind (Schule, Nachbarschaftshaus).',
    en: 'Open; place the model where people already are (school, community centre).',
  },
  strengths: {
    de: 'Anschaulich, auch ohne Sprache und Planlesekompetenz nutzbar; ortsgenaue Vorschläge.',
    en: 'Vivid, usable without language or map-reading skills; location-specific suggestions.',
  },
  limits: {
    de: 'Modellbau aufwendig; Vorschlagskarten begrenzen Ideen; Prioritäten müssen transparent ermittelt werden.',
    en: 'Model building is laborious; suggestion cards limit ideas; priorities must be set transparently.',
  },
  accessibility: {
    de: 'Modell in Tischhöhe und unterfahrbar, tastbar, Vorschlagskarten mit Piktogrammen.',
    en: 'Model at table height with knee space, tactile, suggestion cards with pictograms.',
  },
};

export default method;
