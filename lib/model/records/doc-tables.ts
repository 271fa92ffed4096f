import { z } from 'zod';
import { commentFieldsSchema } from './comment';
import { followSettingsSchema } from './follow';
import { boardMetaSchema } from './meta';
import { noteFieldsSchema } from './note';
import { privateWritingSchema } from './private-writing';
import { relationshipFieldsSchema } from './relationship';
import { MARK_ATTRS, RICH_TEXT_NODES } from './rich-text';
import { voteSettingsSchema } from './vote';
import { workshopLocksSchema } from './workshop-locks';
import { workshopTimerSchema } from './workshop-timer';

/**
 * docs/SCHEMA.md's field tables, written from the schemas' JSON Schema (`z.toJSONSchema`) and
 * their `.meta()` descriptions, so the page cannot drift from what the server checks.
 * `npm run schema:docs` writes them between the page's `<!-- schema:<name> -->` markers; a
 * test fails when the committed page differs.
 */

interface Json {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Json[];
  oneOf?: Json[];
  properties?: Record<string, Json>;
  required?: string[];
  description?: string;
}

function typeOf(json: Json): string {
  const variants = json.anyOf ?? json.oneOf;
  if (variants) return variants.map(typeOf).join(' or ');
  if (json.const !== undefined) return `\`${JSON.stringify(json.const)}\``;
  return json.type ?? 'any';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One row per field of an object schema (each variant's fields for a union). */
function rows(schema: z.ZodType, prefix = ''): string[][] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Json;
  const variants = json.oneOf ?? json.anyOf ?? [json];
  const fields = new Map<string, { json: Json; in: string[]; optional: boolean }>();
  for (const variant of variants) {
    const tag = variant.properties?.state?.const;
    for (const [key, field] of Object.entries(variant.properties ?? {})) {
      const seen = fields.get(key) ?? { json: field, in: [], optional: false };
      if (typeof tag === 'string') seen.in.push(tag);
      if (!variant.required?.includes(key)) seen.optional = true;
      if (seen.json !== field && key === 'state')
        seen.json = {
          anyOf: [...(seen.json.anyOf ?? [seen.json]), field],
          description: seen.json.description,
        };
      fields.set(key, seen);
    }
  }
  return [...fields].map(([key, { json: field, in: states, optional }]) => {
    const { description } = field;
    if (!description) throw new Error(`no description for ${prefix}${key}`);
    const only =
      variants.length > 1 && states.length < variants.length
        ? ` Only when \`state\` is ${states.map((s) => `\`${s}\``).join(', ')}.`
        : '';
    const absent = optional ? ' May be absent.' : '';
    return [`\`${prefix}${key}\``, typeOf(field), `${description}${only}${absent}`];
  });
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((row) => cell(row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((text, i) => cell(text).padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

const FIELDS = ['Key', 'Type', 'Allowed values'];

const WORKSHOP: readonly [string, z.ZodType][] = [
  ['timer', workshopTimerSchema],
  ['follow', followSettingsSchema],
  ['vote', voteSettingsSchema],
  ['locks', workshopLocksSchema],
  ['privateWriting', privateWritingSchema],
];

/** Each generated table by its marker name, in the page's order. */
export function schemaTables(): Record<string, string> {
  return {
    meta: table(FIELDS, rows(boardMetaSchema)),
    note: table(FIELDS, rows(noteFieldsSchema)),
    labels: table(FIELDS, rows(relationshipFieldsSchema)),
    comment: table(FIELDS, rows(commentFieldsSchema)),
    workshop: table(
      FIELDS,
      WORKSHOP.flatMap(([key, schema]) => rows(schema, `${key}.`)),
    ),
    marks: table(
      ['Mark', 'Attribute', 'Type', 'Allowed values'],
      Object.entries(MARK_ATTRS).flatMap(([mark, schema]) => {
        const fields = rows(schema);
        return fields.length > 0
          ? fields.map(([key, type, allowed]) => [`\`${mark}\``, key!, type!, allowed!])
          : [[`\`${mark}\``, '-', '-', 'No attributes (stored as `{}`).']];
      }),
    ),
    nodes: `Nodes (Y.XmlElement names): ${RICH_TEXT_NODES.map((node) => `\`${node}\``).join(', ')}.`,
  };
}

const START = (name: string) => `<!-- schema:${name} -->`;
const END = (name: string) => `<!-- /schema:${name} -->`;

/** `page` with every marked section replaced by its generated table. */
export function withSchemaTables(page: string): string {
  let result = page;
  for (const [name, body] of Object.entries(schemaTables())) {
    const start = result.indexOf(START(name));
    const end = result.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`docs/SCHEMA.md has no ${START(name)} section`);
    result = `${result.slice(0, start)}${START(name)}\n\n${body}\n\n${result.slice(end)}`;
  }
  return result;
}
