import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { loadTemporalSettings, retentionSeconds } from '../../config/temporal';
import { SA } from '../../workflows/ticket/search-attributes';

const TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  INT: 'Int',
  DATETIME: 'Datetime',
  BOOL: 'Bool',
  TEXT: 'Text',
  DOUBLE: 'Double',
  KEYWORD_LIST: 'KeywordList',
};

describe('temporal.yaml', () => {
  const settings = loadTemporalSettings();

  it('declares every search attribute the workflows upsert, with the same type', () => {
    for (const key of Object.values(SA)) {
      expect([key.name, settings.searchAttributes[key.name]]).toEqual([key.name, TYPE_NAMES[key.type]]);
    }
  });

  it('is applied to the dev server: namespace, audit retention and search attributes', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const ns = await connection.workflowService.describeNamespace({ namespace: settings.namespace });
      expect(Number(ns.config?.workflowExecutionRetentionTtl?.seconds)).toBe(retentionSeconds(settings));
      expect(retentionSeconds(settings)).toBeGreaterThanOrEqual(365 * 24 * 3600);
      const attrs = await connection.operatorService.listSearchAttributes({ namespace: settings.namespace });
      for (const name of Object.keys(settings.searchAttributes)) expect(attrs.customAttributes).toHaveProperty(name);
    } finally {
      await connection.close();
    }
  });

  it('reports a broken file by field instead of starting with wrong settings', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-yaml-')), 'temporal.yaml');
    fs.writeFileSync(file, 'namespace: x\ntaskQueue: q\nretention: 1y\ncli: { version: v1.5.1 }\ndevServer: { ip: 127.0.0.1, port: 99999, uiPort: 1, dbFile: a, logLevel: warn }\nsearchAttributes: { A: Nope }\n');
    expect(() => loadTemporalSettings(file)).toThrow(/retention[\s\S]*devServer\.port[\s\S]*searchAttributes\.A/);
  });
});
