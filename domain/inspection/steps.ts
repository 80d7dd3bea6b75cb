import { said, type FieldMessages, type Said } from '../messages';
import type { Role } from '../roles';
import type { InspectionStatus } from './occurrence';
import { itemsOf, type InspectionTemplate, type TemplateItem } from './templates';

/**
 * The steps of one inspection (issue 16, item 4) and who may take each when: the same rules answer
 * the workflow's validators and the API's `allowed`, so the console never offers a refused step.
 */
export const INSPECTION_STEPS = ['confirm', 'checklist', 'submit', 'review', 'sign', 'cancel', 'finding_ticket'] as const;
export type InspectionStep = (typeof INSPECTION_STEPS)[number];

export const CHECK_RESULTS = ['ok', 'warning', 'fault'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** What the engineer entered for one item: a check's result and finding, a measurement's number, a text. */
export interface ItemAnswer {
  result?: CheckResult;
  finding?: string;
  value?: number;
  text?: string;
}
export type Checklist = Record<string, ItemAnswer>;

/** The acting user as an inspection's steps need them. */
export interface InspectionActor {
  userId: number;
  role: Role;
  displayName: string;
  hospitalId?: number | null;
}

/** What the rules read of an occurrence. */
export interface StepSubject {
  status: InspectionStatus;
  engineerId: number;
  hospitalId: number;
}

const STAFF_FOR_WORK: readonly Role[] = ['dispatcher', 'manager'];

/** The occurrence's engineer, or a dispatcher or manager standing in. */
const worksIt = (s: StepSubject, a: InspectionActor) => (a.role === 'engineer' && a.userId === s.engineerId) || STAFF_FOR_WORK.includes(a.role);

const WHEN: Record<InspectionStep, readonly InspectionStatus[]> = {
  confirm: ['planned'],
  checklist: ['on_site'],
  submit: ['on_site'],
  review: ['review'],
  sign: ['signature'],
  cancel: ['planned', 'on_site', 'review', 'signature'],
  finding_ticket: ['on_site', 'review', 'signature', 'archived'],
};

/** Null when `actor` may take `step` now; otherwise why not (403-worthy "who" first, then 409 "when"). */
export function checkInspectionStep(s: StepSubject, actor: InspectionActor, step: InspectionStep): Said | null {
  const who =
    step === 'review' || step === 'cancel'
      ? actor.role === 'manager'
      : step === 'sign'
        ? actor.role === 'hospital_contact' && actor.hospitalId === s.hospitalId
        : worksIt(s, actor);
  if (!who) return step === 'sign' ? said('inspection.sign_own_hospital') : said('inspection.not_yours', { step });
  if (!WHEN[step].includes(s.status)) return said('inspection.not_now', { step, status: s.status });
  return null;
}

/** Who restarts an occurrence whose run failed: a manager or an admin, as for a ticket. */
export const mayRestart = (actor: Pick<InspectionActor, 'role'>): boolean => actor.role === 'manager' || actor.role === 'admin';

/** The steps this user may take now (the API's `allowed`). */
export const allowedSteps = (s: StepSubject, actor: InspectionActor): InspectionStep[] => INSPECTION_STEPS.filter((step) => checkInspectionStep(s, actor, step) === null);

/**
 * One checklist save against the template the occurrence started with: every key must be one of
 * its items and each answer of the item's kind. Field names are the request's (`items.3.value`).
 */
export function checklistErrors(template: InspectionTemplate, items: readonly ({ key: string } & ItemAnswer)[]): FieldMessages | null {
  const byKey = new Map<string, TemplateItem>(itemsOf(template).map((i) => [i.key, i]));
  const errors: FieldMessages = {};
  items.forEach((answer, n) => {
    const item = byKey.get(answer.key);
    const at = (f: string) => `items.${n}.${f}`;
    if (!item) {
      errors[at('key')] = said('inspection.unknown_item', { key: answer.key });
      return;
    }
    // Compiled items (fault summary, storage forecast) take a remark only; the product fills the rest.
    const kind = item.compiled ? 'text' : item.kind;
    if (answer.result !== undefined && kind !== 'check') errors[at('result')] = said('inspection.result_on_non_check', { key: item.key });
    if (answer.value !== undefined && kind !== 'measurement') errors[at('value')] = said('inspection.value_on_non_measurement', { key: item.key });
    if (answer.value !== undefined && !Number.isFinite(answer.value)) errors[at('value')] = said('inspection.value_number');
    if (answer.finding !== undefined && kind !== 'check') errors[at('finding')] = said('inspection.finding_on_non_check', { key: item.key });
  });
  return Object.keys(errors).length ? errors : null;
}

/** A saved answer counts once it says something of its kind. */
function answered(item: TemplateItem, a: ItemAnswer | undefined): boolean {
  if (!a) return false;
  if (item.kind === 'check') return a.result !== undefined;
  if (item.kind === 'measurement') return typeof a.value === 'number';
  return !!a.text?.trim();
}

/** Keys the submit body fills itself (`summary`, `advice`) rather than the checklist. */
export const SUBMIT_KEYS = ['summary', 'advice'] as const;

/** The required items still empty at submit: the first is named in the 422. */
export function missingItems(template: InspectionTemplate, checklist: Checklist): TemplateItem[] {
  return itemsOf(template).filter((i) => i.required && !i.compiled && !(SUBMIT_KEYS as readonly string[]).includes(i.key) && !answered(i, checklist[i.key]));
}

/** A check item that the engineer marked a fault: what a finding ticket may be raised from. */
export function faultFinding(template: InspectionTemplate, checklist: Checklist, key: string): TemplateItem | null {
  const item = itemsOf(template).find((i) => i.key === key);
  return item && item.kind === 'check' && checklist[key]?.result === 'fault' ? item : null;
}

/** Merges a save into what was saved: later answers replace an item's earlier fields one by one. */
export function mergeChecklist(saved: Checklist, items: readonly ({ key: string } & ItemAnswer)[]): Checklist {
  const out: Checklist = { ...saved };
  for (const { key, ...answer } of items) out[key] = { ...out[key], ...answer };
  return out;
}
