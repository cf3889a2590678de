import type { BrowserContext, ConsoleMessage, Page, Request, Route, Worker } from 'playwright-core';

/**
 * What every browser test must not see: a Content-Security-Policy violation (in the page, a worker or a service
 * worker) or a request to an origin other than the test's own servers. Findings are kept per browser context;
 * the browser tests' shared `afterEach` (tests/browser/setup.ts) fails the test that left any.
 */
export interface GuardFinding {
  kind: 'csp-violation' | 'off-origin-request';
  /** Where it happened: `page`, `worker` or `service worker`, with its URL. */
  source: string;
  detail: string;
}

/** Origins the tests serve the app from (preview servers, static hosts); every other origin is "off-origin". */
const servedOrigins = new Set<string>();
const findings = new Map<BrowserContext, GuardFinding[]>();

/** Marks `url`'s origin as one of the test servers'. */
export function allowOrigin(url: string): void {
  servedOrigins.add(new URL(url).origin);
}

/** Prefix of the console line the in-page listeners write for each `securitypolicyviolation` event. */
const VIOLATION_TAG = '[securitypolicyviolation]';

/**
 * Runs in every page and frame before its own scripts (and in workers, as soon as Playwright sees them): turns
 * each `securitypolicyviolation` event into a tagged console error, which Node collects.
 */
function listenForViolations(tag: string): void {
  /** The fields of a SecurityPolicyViolationEvent read here (this file also compiles without DOM types). */
  interface Violation {
    effectiveDirective: string;
    blockedURI: string;
    sourceFile: string;
    lineNumber: number;
  }
  const scope = globalThis as unknown as {
    addEventListener(type: string, listener: (event: Violation) => void): void;
    __cspGuard?: boolean;
  };
  if (scope.__cspGuard) return;
  scope.__cspGuard = true;
  scope.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `${tag} ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
    );
  });
}

/**
 * Every script the test servers send, with the listener put in front of it, so that a worker listens from its
 * own first line (a listener added from outside, once Playwright reports the worker, can come too late).
 * Chromium does not say at this point whether a script is for a worker (no Sec-Fetch-Dest yet), so pages'
 * scripts get it too, where it does nothing (the init script has run). Headers, the worker's own
 * Content-Security-Policy among them, are passed on unchanged.
 */
async function withListener(route: Route, request: Request): Promise<void> {
  if (!servedOrigins.has(new URL(request.url()).origin)) return route.fallback();
  const listener = `(${listenForViolations.toString()})(${JSON.stringify(VIOLATION_TAG)});\n`;
  try {
    const response = await route.fetch();
    await route.fulfill({ response, body: listener + (await response.text()) });
  } catch (error) {
    // A test that closes its page while a script is on its way: nothing is waiting for it any more.
    if (!/disposed|closed/i.test((error as Error).message)) throw error;
  }
}

/**
 * Chromium also logs every violation itself ("Refused to … because it violates the following Content Security
 * Policy directive"), including those that happen before a worker's listener is in place.
 */
const CHROMIUM_CSP_MESSAGE = /Content Security Policy/i;

function record(context: BrowserContext, finding: GuardFinding): void {
  let list = findings.get(context);
  if (!list) findings.set(context, (list = []));
  list.push(finding);
}

function watchConsole(context: BrowserContext, source: string, message: ConsoleMessage): void {
  const text = message.text();
  if (text.startsWith(VIOLATION_TAG) || CHROMIUM_CSP_MESSAGE.test(text))
    record(context, { kind: 'csp-violation', source, detail: text });
}

/**
 * Workers made from a Blob (tfjs-wasm's threads) are not fetched, so they get the listener from outside, as
 * soon as Playwright reports them; the others have it already (`withListener`) and ignore the second one.
 */
function watchWorker(context: BrowserContext, kind: string, worker: Worker): void {
  const source = `${kind} ${worker.url()}`;
  worker.on('console', (message) => watchConsole(context, source, message));
  // The worker may already be gone (a short-lived thread); then there is nothing left to watch.
  worker.evaluate(listenForViolations, VIOLATION_TAG).catch(() => undefined);
}

/** Chromium reports a dedicated worker's requests as its page's, so `page` here means the page or its workers. */
function sourceOf(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return `page ${request.frame().url()}`;
  } catch {
    return 'worker';
  }
}

function watchRequest(context: BrowserContext, request: Request): void {
  const url = new URL(request.url());
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return; // data:, blob: never leave the tab
  if (servedOrigins.has(url.origin)) return;
  record(context, {
    kind: 'off-origin-request',
    source: sourceOf(request),
    detail: `${request.method()} ${request.url()}`,
  });
}

/**
 * Watches `context` from now on: its pages, their workers, its service workers, and every request any of them
 * makes (in Chromium, `context.on('request')` also sees requests of dedicated and service workers).
 */
export async function guardContext(context: BrowserContext): Promise<void> {
  findings.set(context, findings.get(context) ?? []);
  await context.addInitScript(listenForViolations, VIOLATION_TAG);
  await context.route(/\.m?js(\?.*)?$/, withListener);
  context.on('request', (request) => watchRequest(context, request));
  context.on('serviceworker', (worker) => watchWorker(context, 'service worker', worker));
  const watchPage = (page: Page) => {
    page.on('console', (message) => watchConsole(context, `page ${page.url()}`, message));
    page.on('worker', (worker) => watchWorker(context, 'worker', worker));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/** The findings so far, in every guarded context, and forgets them. */
export function takeFindings(): GuardFinding[] {
  const all = [...findings.values()].flat();
  findings.clear();
  return all;
}

/** One line per finding, for a failing test's message. */
export function describeFindings(list: GuardFinding[]): string {
  return list.map((f) => `${f.kind} in ${f.source}: ${f.detail}`).join('\n');
}
