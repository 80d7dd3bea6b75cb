import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Orm } from '../../db/orm';
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';
import { CONSOLE_DIR } from '../../scripts/console-build';
import { launchBrowser, screenshot } from './browser';
import { ApiSession } from '../../harness/http-session';
import { startStack, type Stack, type StackOptions } from '../../harness/stack';

/**
 * Browser helpers for the console tests: each user in their own browser context (their own
 * cookie jar and storage), acting only through what is on screen.
 */
export interface ConsoleUser {
  page: Page;
  close(): Promise<void>;
}

export interface SignInOptions {
  locale?: string;
  password?: string;
  /** A phone (390×844, touch, mobile viewport) instead of a 1440×960 desktop. */
  phone?: boolean;
}

/** An iPhone-12-sized screen: the size the console must work at without sideways scrolling. */
export const PHONE = { width: 390, height: 844 };

export async function signIn(browser: Browser, baseUrl: string, username: string, opts: SignInOptions = {}): Promise<ConsoleUser> {
  const screen = opts.phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 960 } };
  const context = await browser.newContext({ locale: opts.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai', ...screen, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const inflight = new Set<unknown>();
  context.on('request', (r) => r.url().includes('/api/') && inflight.add(r));
  context.on('requestfinished', (r) => inflight.delete(r));
  context.on('requestfailed', (r) => inflight.delete(r));
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(opts.password ?? DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  // Signed in once the app bar's user menu is there.
  await page.getByRole('button', { name: /个人资料|Profile/ }).waitFor();
  return {
    page,
    close: async () => {
      await quiesce(context, () => inflight.size);
      await context.close();
    },
  };
}

/** Chooses from a select (MUI combobox) by its visible label, as a user would. */
export async function pick(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Types into an autocomplete (MUI Autocomplete), waits until the suggestions are the filtered
 * ones (the console asks the server as you type), takes the match and checks it was taken.
 */
export async function autocomplete(page: Page, label: string | RegExp, text: string, option: string | RegExp = text): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(text);
    const options = page.getByRole('option');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const labels = await options.allInnerTexts();
      if (labels.length && labels.every((l) => l.includes(text))) break;
      await page.waitForTimeout(100);
    }
    await page.getByRole('option', { name: option }).first().click();
    await page.waitForTimeout(300);
    if ((await input.inputValue()).includes(text)) return;
  }
  throw new Error(`could not choose ${String(option)} in ${String(label)}`);
}

/** Clicks a radio by its visible label. */
export async function choose(scope: Page | Locator, label: string): Promise<void> {
  await scope.getByRole('radio', { name: label, exact: true }).check();
}

/** Fills a text input or textarea by its visible label. */
export async function fill(page: Page, label: string | RegExp, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).fill(value);
}

export async function openMenu(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('menuitem', { name }).click();
}

/**
 * Opens the console's form for the open task of `kind` on ticket `ticketNo` from the task list
 * tab `tab` (我的任务 / 待领取 / 待签字 …), as a user would: list, row, 办理.
 */
export async function openTask(page: Page, baseUrl: string, tab: string, ticketNo: string, kindLabel: string): Promise<void> {
  await page.goto(baseUrl + '/#/tasks');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const row = page.locator('tr', { hasText: ticketNo }).filter({ hasText: kindLabel });
  // Lists refresh every few seconds: the task appears once the workflow has created it.
  await row.first().waitFor({ timeout: 20_000 });
  await row.first().getByRole('link', { name: /办理|Open/ }).click();
  await page.waitForURL(/#\/tasks\/.+\/complete/);
}

/** Ticket number from a show page URL. */
export function ticketNoFrom(page: Page): string {
  const m = decodeURIComponent(page.url()).match(/tickets\/(SR-\d{8}-\d{5})\/show/);
  if (!m) throw new Error(`not on a ticket page: ${page.url()}`);
  return m[1];
}

/** Draws a real signature with pointer strokes (mouse down, moves, up) across the pad. */
export async function signOnPad(page: Page, canvas: Locator): Promise<void> {
  // The mouse only reaches what is inside the viewport.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const strokes: [number, number][][] = [
    // 陈-ish: a few strokes with curves, like a hand would.
    Array.from({ length: 24 }, (_, i) => [0.1 + i * 0.012, 0.3 + Math.sin(i / 3) * 0.15]),
    Array.from({ length: 20 }, (_, i) => [0.25 + i * 0.015, 0.7 - i * 0.02]),
    Array.from({ length: 30 }, (_, i) => [0.5 + i * 0.012, 0.5 + Math.cos(i / 4) * 0.25]),
  ];
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0];
    await page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 2 });
    await page.mouse.up();
  }
}

/**
 * Moves a ticket along by API, for tests whose subject is a later step: the same calls the
 * console makes, as the same users.
 */
export async function apiAs(baseUrl: string, username: string): Promise<ApiSession> {
  return ApiSession.login(baseUrl, username);
}

export async function openTaskId(api: ApiSession, ticketNo: string, kind: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get<{ id: string; kind: string; status: string }[]>('/api/tasks', { filter: { ticketId: ticketNo, status: 'open' } });
    const task = Array.isArray(res.body) ? res.body.find((t) => t.kind === kind) : undefined;
    if (task) return task.id;
    if (Date.now() > deadline) throw new Error(`no open ${kind} task on ${ticketNo}: ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function userId(api: ApiSession, username: string): Promise<number> {
  const res = await api.get<{ id: number; username: string }[]>('/api/users', { filter: { q: username } });
  const u = Array.isArray(res.body) ? res.body.find((x) => x.username === username) : undefined;
  if (!u) throw new Error(`no user ${username}: ${res.status}`);
  return u.id;
}

export async function expectOk<T>(p: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A full-page screenshot from the top of the page with nothing focused (the app bar is fixed). */
export async function shot(page: Page, name: string): Promise<void> {
  // As a string: this project type-checks tests without the DOM library.
  await page.evaluate('document.activeElement?.blur?.(); window.scrollTo(0, 0)');
  await screenshot(page, name);
}

/**
 * After a step: back on the request's page. The URL changes first; the page is there once its
 * task table is, or for a hospital contact its progress view (the form's page has neither).
 */
export async function onTicketPage(page: Page): Promise<void> {
  await page.waitForURL(/#\/tickets\/SR-.+\/show/);
  await page.getByRole('region', { name: /^(任务|Tasks|处理进度|Progress)$/ }).waitFor();
}

/**
 * Stops a context's traffic to the API before it goes: new requests (the pages poll every few
 * seconds) are refused in the browser, and those already sent are allowed to finish, so no API
 * handler is still talking to Temporal when the test stack stops.
 */
async function quiesce(context: BrowserContext, inflight: () => number = () => 0): Promise<void> {
  await context.route('**/api/**', (route) => route.abort()).catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (inflight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Closes the browser once no page has a request to the API in flight (see quiesce). */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await Promise.all(browser.contexts().map((c) => quiesce(c)));
  // Requests sent before the pages were stopped: answered within well under a second.
  await new Promise((r) => setTimeout(r, 1500));
  await browser.close();
}

/**
 * The product with its built console, and a browser, for one test file. The values are there
 * from the file's beforeAll on.
 */
export interface ConsoleStack {
  readonly baseUrl: string;
  readonly orm: Orm;
  /** The Temporal client and the worker's task queue, to start a run as an activity would. */
  readonly client: Stack['client'];
  readonly taskQueue: string;
  readonly browser: Browser;
  /** Users signed in with `as`, in the order they signed in. */
  readonly signedIn: readonly ConsoleUser[];
  /** Signs a user in, in their own browser context, which is closed when the file's tests end. */
  as(username: string, opts?: SignInOptions): Promise<ConsoleUser>;
}

/**
 * Starts the stack serving the built console (what `npm start` serves), on a database of the
 * file's own, and a browser before the file's tests, and stops them after. Call it at the top level of a test file.
 */
export function useConsoleStack(app: StackOptions['app'] = {}): ConsoleStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const signedIn: ConsoleUser[] = [];
  beforeAll(async () => {
    stack = await startStack({ consoleDir: CONSOLE_DIR, ownDatabase: true, app });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const u of signedIn) await u.close().catch(() => undefined);
    // Pages poll: requests already in flight finish before the stack stops.
    await closeBrowser(browser);
    await stack?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The console stack starts in beforeAll: use it inside tests or hooks, not while the file loads');
    return value;
  };
  return {
    get baseUrl() {
      return started(stack).baseUrl;
    },
    get orm() {
      return started(stack).orm;
    },
    get client() {
      return started(stack).client;
    },
    get taskQueue() {
      return started(stack).taskQueue;
    },
    get browser() {
      return started(browser);
    },
    signedIn,
    async as(username, opts) {
      const user = await signIn(started(browser), started(stack).baseUrl, username, opts);
      signedIn.push(user);
      return user;
    },
  };
}
