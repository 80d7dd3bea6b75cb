import { Hono } from 'hono';
import type { SessionUser } from '../../api/env';
import { ApiError, everyErrorToOnError, onError } from '../../api/errors';
import { limitWrites, WriteRate } from '../../api/write-rate';
import { said } from '../../domain/messages';

/**
 * Found by the PostgreSQL-outage drill: a dispatcher's console retrying its steps through an outage
 * spent the write allowance on 503s, and the first real step after the outage was refused 429.
 */
describe('the write limit', () => {
  const user = { id: 7 } as SessionUser;
  const appWith = (rate: WriteRate) => {
    let down = true;
    const app = new Hono();
    app.onError(onError);
    app.use('*', everyErrorToOnError);
    app.use('*', limitWrites(rate, async () => user));
    app.post('/step', () => {
      if (down) throw new ApiError(503, said('service.database_unavailable'));
      return Response.json({ ok: true });
    });
    app.post('/bad', () => {
      throw new ApiError(422, said('request.invalid'));
    });
    return { app, up: () => (down = false) };
  };

  it('does not count writes the desk answered 503: after the outage the user writes at once', async () => {
    const { app, up } = appWith(new WriteRate(12, 3));
    // Three steps retried one after another through the outage, 20 tries in all: past the burst of 3.
    const during = [];
    for (let i = 0; i < 20; i++) during.push((await app.request('/step', { method: 'POST' })).status);
    expect(new Set(during)).toEqual(new Set([503]));
    up();
    const after = [];
    for (let i = 0; i < 3; i++) after.push((await app.request('/step', { method: 'POST' })).status);
    expect(after).toEqual([200, 200, 200]);
  });

  it('counts writes refused for their content, so a script looping on a bad write is slowed', async () => {
    const { app } = appWith(new WriteRate(12, 3));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/bad', { method: 'POST' })).status);
    expect(statuses).toEqual([422, 422, 422, 429, 429]);
  });
});
