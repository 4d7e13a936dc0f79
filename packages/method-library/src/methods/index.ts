/**
 * The seed methods, one file each (reviewable as text). A new method is a new file here and one
 * line below; the order is the order of the library's list.
 */
import type { Method } from '../schema.js';
import informationsveranstaltung from './informationsveranstaltung.js';
import infomarkt from './infomarkt.js';
import projektwebsiteNewsletter from './projektwebsite-newsletter.js';
import fishbowl from './fishbowl.js';
import fokusgruppe from './fokusgruppe.js';
import onlineDialog from './online-dialog.js';
import befragung from './befragung.js';
import kiezspaziergang from './kiezspaziergang.js';
import buergersprechstunde from './buergersprechstunde.js';
import ideenwettbewerb from './ideenwettbewerb.js';
import delphiBefragung from './delphi-befragung.js';
import popUpBeteiligung from './pop-up-beteiligung.js';
import einwohnerversammlung from './einwohnerversammlung.js';
import worldCafe from './world-cafe.js';
import zukunftswerkstatt from './zukunftswerkstatt.js';
import openSpace from './open-space.js';
import aktivierendeBefragung from './aktivierende-befragung.js';
import szenarioWorkshop from './szenario-workshop.js';
import planspiel from './planspiel.js';
import designThinking from './design-thinking.js';
import appreciativeInquiry from './appreciative-inquiry.js';
import spielplatzdetektive from './spielplatzdetektive.js';
import planningForReal from './planning-for-real.js';
import dynamicFacilitation from './dynamic-facilitation.js';
import buergerrat from './buergerrat.js';
import planungszelle from './planungszelle.js';
import runderTisch from './runder-tisch.js';
import charrette from './charrette.js';
import konsensuskonferenz from './konsensuskonferenz.js';
import stadtteilkonferenz from './stadtteilkonferenz.js';
import mediation from './mediation.js';
import begleitgremium from './begleitgremium.js';
import buergerhaushalt from './buergerhaushalt.js';
import jugendjury from './jugendjury.js';
import kiezfonds from './kiezfonds.js';

export const SEED_METHODS: readonly Method[] = [
  informationsveranstaltung,
  infomarkt,
  projektwebsiteNewsletter,
  fishbowl,
  fokusgruppe,
  onlineDialog,
  befragung,
  kiezspaziergang,
  buergersprechstunde,
  ideenwettbewerb,
  delphiBefragung,
  popUpBeteiligung,
  einwohnerversammlung,
  worldCafe,
  zukunftswerkstatt,
  openSpace,
  aktivierendeBefragung,
  szenarioWorkshop,
  planspiel,
  designThinking,
  appreciativeInquiry,
  spielplatzdetektive,
  planningForReal,
  dynamicFacilitation,
  buergerrat,
  planungszelle,
  runderTisch,
  charrette,
  konsensuskonferenz,
  stadtteilkonferenz,
  mediation,
  begleitgremium,
  buergerhaushalt,
  jugendjury,
  kiezfonds,
];
