import type { ApiSession } from '../../harness/http-session';
import { sleep } from '../../harness/wait';
import { LONG_TITLES, SYSTEMS } from './long-text';

export interface RaiseRequests {
  hospitalId: number;
  count: number;
  /** The first request's index: titles, systems and levels go round from it, and keys are unique by it. */
  offset: number;
  /** Idempotency-Keys are `<keyPrefix>-<index>`. */
  keyPrefix: string;
  /** Requests in flight at once. */
  parallel: number;
  reporter: { reporterName: string; reporterPhone?: string };
}

/**
 * Seeds a desk with requests at one hospital through the API, as its intake would: the systems,
 * channels, levels 1–3 and long titles in turn. A 503 (a loaded machine's Temporal) is retried with
 * the same Idempotency-Key, as a client would.
 */
export async function raiseRequests(api: ApiSession, o: RaiseRequests): Promise<void> {
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < o.count) {
      const i = o.offset + next++;
      const body = {
        hospitalId: o.hospitalId,
        systemCode: SYSTEMS[i % 3],
        channel: i % 2 ? 'phone' : 'im',
        faultLevel: ((i % 3) + 1) as 1 | 2 | 3,
        title: LONG_TITLES[i % LONG_TITLES.length],
        description: '夜班护士反映问题，已初步确认与网络无关，需工程师进一步诊断',
        ...o.reporter,
      };
      for (let attempt = 1; ; attempt++) {
        const res = await api.post('/api/tickets', body, { 'Idempotency-Key': `${o.keyPrefix}-${i}` });
        if (res.status === 201 || res.status === 200) break;
        if (res.status !== 503 || attempt >= 10) throw new Error(`raising request ${i}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        await sleep(1000);
      }
    }
  };
  await Promise.all(Array.from({ length: o.parallel }, one));
}
