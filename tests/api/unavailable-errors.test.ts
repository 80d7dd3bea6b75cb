import vm from 'node:vm';
import { Hono } from 'hono';
import { everyErrorToOnError, onError } from '../../api/errors';
import { unavailableService } from '../../api/unavailable';

/**
 * Which errors mean "PostgreSQL is not there for us" (503, retry) rather than a bug (500): the
 * shapes node-postgres and knex give when the server kills a connection mid-request, as the
 * database-crash test meets them at random moments.
 */
describe('an error read as the database being unavailable', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it.each([
    ['killed by the server (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['reset under a query', withCode('read ECONNRESET', 'ECONNRESET')],
    ['ended while a query ran', new Error('Connection terminated unexpectedly')],
    ['a query on a client that was just closed', new Error('Client was closed and is not queryable')],
    ['a transaction whose connection died', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['wrapped as the cause of another error', new Error('select 1 - failed', { cause: new Error('Client was closed and is not queryable') })],
  ])('%s', (_what, err) => {
    expect(unavailableService(err)?.code).toBe('service.database_unavailable');
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a NUL in text', withCode('unsupported Unicode escape sequence', '22P05')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('not %s', (_what, err) => {
    expect(unavailableService(err)).toBeUndefined();
  });
});

/**
 * Found by the database-crash test: a connection reset surfaced as Node's own ECONNRESET error,
 * which under jest is of another realm; Hono's onError never saw it and the client got a 500 with
 * no body. What reaches the app's first middleware is answered as any error is.
 */
describe('an error that is not instanceof Error', () => {
  const appThrowing = (thrown: unknown) => {
    const app = new Hono();
    app.onError(onError);
    app.use('*', everyErrorToOnError);
    app.use('*', async (_c, next) => next());
    app.get('/x', () => {
      throw thrown;
    });
    return app;
  };

  it('a reset connection of another realm is 503, retry later', async () => {
    const reset = vm.runInNewContext(`Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })`);
    expect(reset instanceof Error).toBe(false);
    const res = await appThrowing(reset).request('/x');
    expect([res.status, res.headers.get('retry-after'), ((await res.json()) as { code: string }).code]).toEqual([503, '5', 'service.database_unavailable']);
  });

  it('a thrown string is 500 with the error body', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await appThrowing('boom').request('/x');
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([500, 'service.internal']);
  });
});
