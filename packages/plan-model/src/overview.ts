import * as Y from 'yjs';
import { OVERVIEW_FIELDS, overviewRootName, type OverviewField } from './keys.js';

export { OVERVIEW_FIELDS, type OverviewField } from './keys.js';

/**
 * The rich-text field of an overview section, to bind a Lexical editor to
 * (`createYjsBinding({ getXmlText: (doc) => getOverviewText(doc, 'goals') })`). Idempotent, as
 * that option requires: a root type is created once and then returned on every call.
 */
export function getOverviewText(doc: Y.Doc, field: OverviewField): Y.XmlText {
  if (!OVERVIEW_FIELDS.includes(field)) throw new Error(`getOverviewText: unknown field ${field}`);
  return doc.get(overviewRootName(field), Y.XmlText) as Y.XmlText;
}
