import { type Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { msToTs } from '@temporalio/common/lib/time';
import { retentionSeconds, type SearchAttributeType, type TemporalSettings } from '../config/temporal';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const TYPE_TO_ENUM: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

const GRPC_NOT_FOUND = 5;

/**
 * Makes the namespace match temporal.yaml: exists, keeps histories for the configured retention,
 * and knows every search attribute the workflows upsert. Idempotent; safe on a shared server.
 */
export async function ensureNamespace(connection: Connection, settings: TemporalSettings): Promise<void> {
  const { namespace } = settings;
  const seconds = retentionSeconds(settings);
  const ws = connection.workflowService;
  let current: number | undefined;
  try {
    const d = await ws.describeNamespace({ namespace });
    current = Number(d.config?.workflowExecutionRetentionTtl?.seconds ?? 0);
  } catch (e) {
    if ((e as { code?: number }).code !== GRPC_NOT_FOUND) throw e;
    await ws.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(seconds * 1000) });
    current = seconds;
  }
  if (current !== seconds) {
    await ws.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: msToTs(seconds * 1000) } });
  }
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = { ...existing.systemAttributes, ...existing.customAttributes };
  const missing = Object.fromEntries(
    Object.entries(settings.searchAttributes)
      .filter(([name]) => !(name in known))
      .map(([name, type]) => [name, TYPE_TO_ENUM[type]]),
  );
  if (Object.keys(missing).length > 0) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  }
}
