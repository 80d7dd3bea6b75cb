import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROOT } from './paths';

const SEARCH_ATTRIBUTE_TYPES = ['Text', 'Keyword', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList'] as const;
export type SearchAttributeType = (typeof SEARCH_ATTRIBUTE_TYPES)[number];

const temporalYaml = z.object({
  namespace: z.string().min(1),
  taskQueue: z.string().min(1),
  retention: z.string().regex(/^\d+h$/, 'retention must be whole hours, e.g. 8760h'),
  cli: z.object({ version: z.string().regex(/^v\d+\.\d+\.\d+$/) }),
  devServer: z.object({
    ip: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    uiPort: z.number().int().min(1).max(65535),
    dbFile: z.string().min(1),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'never']),
    /** Dynamic config of the dev server: key → any JSON value. */
    dynamicConfig: z
      .record(z.string().regex(/^[A-Za-z][\w.]*$/), z.unknown())
      .nullish()
      .transform((v) => v ?? {}),
  }),
  searchAttributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.enum(SEARCH_ATTRIBUTE_TYPES)),
});

export type TemporalSettings = z.infer<typeof temporalYaml> & {
  /** Set when TEMPORAL_ADDRESS points at a server we must use as is. */
  externalAddress?: string;
};

export function loadTemporalSettings(file = path.join(ROOT, 'temporal.yaml')): TemporalSettings {
  const raw = parse(fs.readFileSync(file, 'utf8'));
  const result = temporalYaml.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${file} is invalid:\n${issues}`);
  }
  const s = result.data;
  return {
    ...s,
    namespace: process.env.TEMPORAL_NAMESPACE ?? s.namespace,
    taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? s.taskQueue,
    externalAddress: process.env.TEMPORAL_ADDRESS || undefined,
  };
}

export function retentionSeconds(settings: Pick<TemporalSettings, 'retention'>): number {
  return Number(settings.retention.slice(0, -1)) * 3600;
}
