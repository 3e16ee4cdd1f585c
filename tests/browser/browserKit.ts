/**
 * Chromium for the browser suites: Debian's `chromium` package driven by playwright-core (no
 * browser download). Pages are checked for what a rep would call broken: a script error, an
 * error panel, a blank page, or a request leaving the gateway's origin (the apps are offline).
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startGraph, type Graph } from "../helpers/graphHarness";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
/**
 * Where screenshots go: dist/screenshots on every run (so `npm test` leaves the checked-in
 * files alone); `npm run screenshots` points this at docs/screenshots to refresh the README's.
 */
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(__dirname, "..", "..", "dist", "screenshots"));

/** `describe` when Chromium is installed, else a skipped `describe` whose name says why. */
export function describeInBrowser(name: string, body: () => void) {
  if (HAS_CHROMIUM) describe(name, body);
  else describe.skip(`${name} (skipped: ${CHROMIUM_PATH} not found; apt-get install -y chromium)`, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** What a browser suite drives: the real graph, Chromium, and the gateway's origin the pages load from. */
export interface BrowserSuite {
  graph: Graph;
  browser: Browser;
  origin: string;
}

/**
 * Starts the real graph and Chromium together before the suite (then `arrange`, to put its
 * data in place) and closes both after it. The fields are set once beforeAll has run.
 */
export function graphInChromium(setupTimeoutMs: number, arrange?: (graph: Graph) => Promise<void>): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.graph, suite.browser] = await Promise.all([startGraph(), launchChromium()]);
    suite.origin = new URL(suite.graph.gateway.url).origin;
    await arrange?.(suite.graph);
  }, setupTimeoutMs);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.graph?.stop();
  });
  return suite;
}

export interface WatchedPage {
  page: Page;
  /** Script errors, console errors and requests to other origins seen so far. */
  problems: string[];
}

/** A page that records everything that would make the app broken or not offline. */
export async function openPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    problems.push(`request outside the gateway: ${url}`);
    return route.abort();
  });
  return { page, problems };
}

/** Fails on a blank page, an error panel on screen, or any recorded problem. */
export async function expectHealthy({ page, problems }: WatchedPage, options: { errorsAllowed?: boolean } = {}) {
  expect(problems).toEqual([]);
  const text = await page.locator("#root").innerText();
  expect(text.trim().length).toBeGreaterThan(50);
  if (!options.errorsAllowed) {
    const shown = await page.locator('[data-testid="errors"]').allInnerTexts();
    expect(shown).toEqual([]);
  }
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}
