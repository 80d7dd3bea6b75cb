import { z } from 'zod';
import { LIMITS } from '../limits';
import { said, type FieldMessages } from '../messages';
import { printable } from '../text';
import { COMPILED, type InspectionTemplate, type TemplateItem, type TemplateSection } from './templates';

/**
 * A new version of a report template, as an admin saves it from the editor: the whole template,
 * its items typed like templates.ts's (check, measurement with its unit, text; the product's
 * compiled items only as the text items they are).
 */

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const key = z.string({ error: 'template.key' }).regex(KEY, 'template.key');
const words = (max: number) => z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(max, 'field.too_long').refine(printable, 'field.control_chars');

const itemBase = { key, label: words(LIMITS.title), required: z.boolean({ error: 'field.boolean' }) };
const checkItem = z.object({ ...itemBase, kind: z.literal('check') });
const measurementItem = z.object({ ...itemBase, kind: z.literal('measurement'), unit: z.string({ error: 'template.unit_required' }).trim().min(1, 'template.unit_required').max(16, 'field.too_long') });
const textItem = z.object({ ...itemBase, kind: z.literal('text'), compiled: z.enum(COMPILED, { error: 'template.compiled' }).optional() });

export const templateItemInput = z.discriminatedUnion('kind', [checkItem, measurementItem, textItem], { error: 'template.item_kind' });

export const templateSectionInput = z.object({
  key,
  title: words(LIMITS.title),
  items: z.array(templateItemInput, { error: 'template.items' }).min(1, 'template.items').max(60, 'field.too_many'),
});

export const templateVersionInput = z
  .object({
    /** The version the editor started from: a save over someone else's newer version is refused, not lost. */
    baseVersion: z.number({ error: 'template.base_version' }).int().positive(),
    title: words(LIMITS.title),
    sections: z.array(templateSectionInput, { error: 'template.sections' }).min(1, 'template.sections').max(30, 'field.too_many'),
  })
  .superRefine((t, ctx) => {
    const sectionKeys = new Set<string>();
    const itemKeys = new Set<string>();
    t.sections.forEach((s, i) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: 'template.key_taken' });
      sectionKeys.add(s.key);
      s.items.forEach((item, j) => {
        // Answers and reports refer to an item by key, across sections.
        if (itemKeys.has(item.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'items', j, 'key'], message: 'template.key_taken' });
        itemKeys.add(item.key);
        if (item.kind === 'text' && item.compiled && item.key !== item.compiled) ctx.addIssue({ code: 'custom', path: ['sections', i, 'items', j, 'key'], message: 'template.compiled_key' });
      });
    });
  });
export type TemplateVersionInput = z.infer<typeof templateVersionInput>;

/** Where each item of a template body is, by key: `sections.2.items.1`. */
function itemPaths(sections: readonly TemplateSection[]): Map<string, { path: string; item: TemplateItem }> {
  return new Map(sections.flatMap((s, i) => s.items.map((item, j) => [item.key, { path: `sections.${i}.items.${j}`, item }] as const)));
}

/**
 * What a new version may not change from the one before: the product's compiled items stay, as
 * the same compiled text items (reports and the code that fills them rely on them), and the
 * storage forecast keeps the two measurements it is computed from.
 */
export function compiledRefusals(previous: Pick<InspectionTemplate, 'sections'>, next: Pick<InspectionTemplate, 'sections'>): FieldMessages {
  const refusals: FieldMessages = {};
  const now = itemPaths(next.sections);
  for (const old of previous.sections.flatMap((s) => s.items)) {
    if (!old.compiled) continue;
    const kept = now.get(old.key);
    if (!kept) refusals.sections = said('template.compiled_removed', { key: old.key, label: old.label });
    else if (kept.item.kind !== old.kind || kept.item.compiled !== old.compiled) refusals[`${kept.path}.kind`] = said('template.compiled_retyped', { key: old.key });
  }
  const forecast = now.get('storage_capacity');
  if (forecast?.item.compiled === 'storage_capacity') {
    const inputsMissing = ['storage_total', 'storage_used'].filter((k) => now.get(k)?.item.kind !== 'measurement');
    if (inputsMissing.length) refusals[`${forecast.path}.key`] = said('template.storage_inputs', { keys: inputsMissing.join(', ') });
  }
  return refusals;
}
