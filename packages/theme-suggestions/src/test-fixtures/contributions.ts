import type { ContributionText, ThemeLabel } from '../types.js';

/**
 * Hand-written contributions about three subjects (playgrounds, traffic, trees) in German and
 * English, plus a copied campaign letter, a short and two empty texts. Ids say the subject so a
 * failing test reads at a glance; the method never sees them as words.
 */
export const CONTRIBUTIONS: readonly ContributionText[] = [
  {
    id: 'de-play-1',
    text: 'Der Spielplatz am Mauerpark braucht neue Schaukeln und eine Rutsche für kleine Kinder.',
  },
  {
    id: 'de-play-2',
    text: 'Auf dem Spielplatz fehlen Schaukeln, die Kinder warten ewig. Bitte eine zweite Schaukel aufstellen.',
  },
  {
    id: 'de-play-3',
    text: 'Kinderspielplatz: Die Rutsche ist kaputt und der Sand im Sandkasten ist schmutzig.',
  },
  {
    id: 'de-play-4',
    text: 'Mehr Spielgeräte für Kinder auf dem Spielplatz, zum Beispiel eine Kletterwand und Schaukeln.',
  },
  {
    id: 'de-traffic-1',
    text: 'Der Durchgangsverkehr in unserer Wohnstraße ist zu laut, die Autos fahren viel zu schnell.',
  },
  {
    id: 'de-traffic-2',
    text: 'Autos fahren viel zu schnell durch unsere Straße. Tempo 30 und Bodenschwellen gegen den Verkehr!',
  },
  {
    id: 'de-traffic-3',
    text: 'Zu viel Verkehr und Lärm vor der Schule, die Straße braucht einen Zebrastreifen und Tempo 30.',
  },
  {
    id: 'de-traffic-4',
    text: 'Der Verkehr auf der Straße gefährdet Radfahrer, bitte Tempo 30 einführen und langsamer fahren.',
  },
  {
    id: 'de-trees-1',
    text: 'Im Park sollten mehr Bäume gepflanzt werden, die Bäume spenden im Sommer Schatten.',
  },
  {
    id: 'de-trees-2',
    text: 'Bitte neue Straßenbäume pflanzen, die Baeume geben Schatten und kühlen im Sommer.',
  },
  {
    id: 'de-trees-3',
    text: 'Die jungen Bäume im Park brauchen Wasser, im heißen Sommer vertrocknen sie.',
  },
  {
    id: 'en-play-1',
    text: 'The playground needs new swings and a slide for small children.',
    language: 'en',
  },
  {
    id: 'en-play-2',
    text: 'The swings on the playground are broken and children have to wait. Please repair the swings.',
  },
  {
    id: 'en-play-3',
    text: 'Our children love the playground, but the slide and the sandpit need repair.',
  },
  {
    id: 'en-trees-1',
    text: 'More trees in the park please, trees give shade in summer.',
  },
  {
    id: 'en-trees-2',
    text: 'Plant trees along the street; in summer the trees give shade and cool the neighbourhood.',
  },
  {
    id: 'en-trees-3',
    text: 'The young trees in the park need water, they dry out in the hot summer.',
  },
  {
    id: 'letter-1',
    text: 'Wir fordern Tempo 30 in der Schönhauser Allee wegen Lärm und Abgasen der Autos.',
  },
  {
    id: 'letter-2',
    text: 'Wir fordern Tempo 30 in der Schönhauser Allee, wegen Lärm und Abgasen der Autos!',
  },
  { id: 'short-1', text: 'Mehr Bäume!' },
  { id: 'empty-1', text: '' },
  { id: 'empty-2', text: '  \n ' },
];

/** A small theme tree: German labels as a plan would have them, one English. */
export const THEMES: readonly ThemeLabel[] = [
  { id: 'theme-green', label: 'Bäume und Grünflächen' },
  { id: 'theme-play', label: 'Spielplätze' },
  { id: 'theme-traffic', label: 'Verkehr und Lärm' },
  { id: 'theme-parks-en', label: 'Parks and trees', language: 'en' },
];
