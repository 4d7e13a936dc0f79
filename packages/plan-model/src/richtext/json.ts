import * as Y from 'yjs';
import { z } from 'zod';

/** A JSON value as stored in Yjs attributes and map entries. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value inside rich text: primitives as they are; everything else tagged by `type`, so a plain
 * JSON object can never be mistaken for an embedded shared type when the tree is rebuilt.
 */
export type RichValue = string | number | boolean | null | RichEmbed;

/** A non-primitive value inside rich text, discriminated by `type`. */
export type RichEmbed =
  | { type: 'json'; value: JsonValue }
  | RichXmlTextJSON
  | { type: 'map'; entries: Record<string, RichValue> }
  | { type: 'array'; items: RichValue[] }
  | {
      type: 'xmlElement';
      nodeName: string;
      attrs: Record<string, RichValue>;
      children: RichValue[];
    };

/** One delta operation of a `Y.XmlText`: a string run or one embed, with its format attributes. */
export interface RichDeltaOp {
  insert: string | RichEmbed;
  attributes?: Record<string, RichValue>;
}

/** An embedded `Y.XmlText` (a Lexical element node), recursively. */
export interface RichXmlTextJSON {
  type: 'xmlText';
  attrs: Record<string, RichValue>;
  delta: RichDeltaOp[];
}

/**
 * Lossless JSON form of one rich-text field (a `Y.XmlText` as `@lexical/yjs` fills it): its
 * attributes and its delta, with every embedded shared type serialised recursively.
 */
export type RichTextJSON = Omit<RichXmlTextJSON, 'type'>;

const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

const richValueSchema: z.ZodType<RichValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), richEmbedSchema]),
);

const attrsSchema = z.record(z.string(), richValueSchema);

const deltaOpSchema: z.ZodType<RichDeltaOp> = z.lazy(() =>
  z.strictObject({
    insert: z.union([z.string(), richEmbedSchema]),
    attributes: attrsSchema.optional(),
  }),
);

const xmlTextSchema: z.ZodType<RichXmlTextJSON> = z.lazy(() =>
  z.strictObject({ type: z.literal('xmlText'), attrs: attrsSchema, delta: z.array(deltaOpSchema) }),
);

const richEmbedSchema: z.ZodType<RichEmbed> = z.lazy(() =>
  z.union([
    z.strictObject({ type: z.literal('json'), value: jsonValueSchema }),
    xmlTextSchema,
    z.strictObject({ type: z.literal('map'), entries: attrsSchema }),
    z.strictObject({ type: z.literal('array'), items: z.array(richValueSchema) }),
    z.strictObject({
      type: z.literal('xmlElement'),
      nodeName: z.string(),
      attrs: attrsSchema,
      children: z.array(richValueSchema),
    }),
  ]),
);

/** Zod schema of `RichTextJSON`, used by the plan import. */
export const richTextJSONSchema: z.ZodType<RichTextJSON> = z.strictObject({
  attrs: attrsSchema,
  delta: z.array(deltaOpSchema),
});

/** An empty rich-text field. */
export function emptyRichText(): RichTextJSON {
  return { attrs: {}, delta: [] };
}

/** Serialises a rich-text field (and everything embedded in it) into plain JSON. */
export function richTextToJSON(xmlText: Y.XmlText): RichTextJSON {
  const { attrs, delta } = xmlTextToJSON(xmlText);
  return { attrs, delta };
}

function xmlTextToJSON(xmlText: Y.XmlText): RichXmlTextJSON {
  const delta: RichDeltaOp[] = [];
  for (const op of xmlText.toDelta() as Array<{ insert: unknown; attributes?: object }>) {
    const insert = typeof op.insert === 'string' ? op.insert : valueToJSON(op.insert);
    if (typeof insert !== 'string' && (insert === null || typeof insert !== 'object')) {
      throw new Error(`richTextToJSON: unsupported embed ${String(op.insert)}`);
    }
    const out: RichDeltaOp = { insert };
    if (op.attributes !== undefined) out.attributes = recordToJSON(op.attributes);
    delta.push(out);
  }
  return { type: 'xmlText', attrs: recordToJSON(xmlText.getAttributes()), delta };
}

function recordToJSON(record: object): Record<string, RichValue> {
  const out: Record<string, RichValue> = {};
  for (const [key, value] of Object.entries(record)) {
    // Yjs reports removed attributes as undefined; they carry no content.
    if (value !== undefined) out[key] = valueToJSON(value);
  }
  return out;
}

function valueToJSON(value: unknown): RichValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return value as RichValue;
  }
  if (value instanceof Y.XmlText) return xmlTextToJSON(value);
  if (value instanceof Y.Map)
    return { type: 'map', entries: recordToJSON(Object.fromEntries(value.entries())) };
  if (value instanceof Y.Array) return { type: 'array', items: value.toArray().map(valueToJSON) };
  if (value instanceof Y.XmlElement) {
    return {
      type: 'xmlElement',
      nodeName: value.nodeName,
      attrs: recordToJSON(value.getAttributes()),
      children: value.toArray().map(valueToJSON),
    };
  }
  if (value instanceof Y.AbstractType || value instanceof Y.Doc || value instanceof Uint8Array) {
    throw new Error(`richTextToJSON: unsupported shared value ${value.constructor.name}`);
  }
  return { type: 'json', value: value as JsonValue };
}

/**
 * Replaces the content and attributes of `xmlText` with `json`, rebuilding every embedded shared
 * type, so an editor bound to it afterwards shows exactly what was serialised. Call inside a
 * transaction when it should be atomic with other writes.
 */
export function writeRichTextJSON(xmlText: Y.XmlText, json: RichTextJSON): void {
  const fill = (): void => {
    if (xmlText.length > 0) xmlText.delete(0, xmlText.length);
    for (const key of Object.keys(xmlText.getAttributes())) xmlText.removeAttribute(key);
    fillXmlText(xmlText, { type: 'xmlText', ...json });
  };
  if (xmlText.doc) xmlText.doc.transact(fill);
  else fill();
}

function fillXmlText(target: Y.XmlText, json: RichXmlTextJSON): void {
  for (const [key, value] of Object.entries(json.attrs)) setAttr(target, key, value);
  let offset = 0;
  for (const op of json.delta) {
    // Explicit (possibly empty) attributes: without them Yjs would continue the formatting of
    // the preceding run, and the rebuilt text would differ from the serialised one.
    const attributes = op.attributes ? plainAttrs(op.attributes) : {};
    if (typeof op.insert === 'string') {
      target.insert(offset, op.insert, attributes);
      offset += op.insert.length;
    } else {
      const embed = createValue(op.insert);
      target.insertEmbed(offset, embed as object, attributes);
      fillValue(embed, op.insert);
      offset += 1;
    }
  }
}

/** Format attributes are plain values in practice; tagged values are unwrapped. */
function plainAttrs(attrs: Record<string, RichValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) out[key] = plainOrShared(value);
  return out;
}

function plainOrShared(value: RichValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value.type === 'json') return value.value;
  throw new Error(`writeRichTextJSON: shared type of kind ${value.type} in a format attribute`);
}

/** Creates the (not yet integrated) value; shared types are filled after integration. */
function createValue(value: RichValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  switch (value.type) {
    case 'json':
      return value.value;
    case 'xmlText':
      return new Y.XmlText();
    case 'map':
      return new Y.Map<unknown>();
    case 'array':
      return new Y.Array<unknown>();
    case 'xmlElement':
      return new Y.XmlElement(value.nodeName);
  }
}

/** Fills a shared type created by `createValue` once it is part of the document. */
function fillValue(created: unknown, value: RichValue): void {
  if (value === null || typeof value !== 'object') return;
  if (value.type === 'xmlText' && created instanceof Y.XmlText) fillXmlText(created, value);
  if (value.type === 'map' && created instanceof Y.Map) {
    for (const [key, entry] of Object.entries(value.entries)) {
      const child = createValue(entry);
      created.set(key, child);
      fillValue(child, entry);
    }
  }
  if (value.type === 'array' && created instanceof Y.Array) fillChildren(created, value.items);
  if (value.type === 'xmlElement' && created instanceof Y.XmlElement) {
    for (const [key, attr] of Object.entries(value.attrs)) setAttr(created, key, attr);
    fillChildren(created, value.children);
  }
}

function fillChildren(target: Y.Array<unknown> | Y.XmlElement, items: RichValue[]): void {
  items.forEach((item, index) => {
    const child = createValue(item);
    if (target instanceof Y.Array) target.insert(index, [child]);
    else if (child instanceof Y.XmlElement || child instanceof Y.XmlText)
      target.insert(index, [child]);
    else throw new Error('writeRichTextJSON: an xmlElement child must be xmlText or xmlElement');
    fillValue(child, item);
  });
}

function setAttr(target: Y.XmlText | Y.XmlElement, key: string, value: RichValue): void {
  const created = createValue(value);
  // Yjs types XmlElement attributes narrowly, but Lexical stores numbers, null and Y.Maps there.
  if (target instanceof Y.XmlText) target.setAttribute(key, created);
  else (target.setAttribute as (k: string, v: unknown) => void).call(target, key, created);
  fillValue(created, value);
}
