// Headless Chromium for the report tests and the bench: Debian's package (installed by .ci/run), driven by
// playwright-core, with the flags that keep it off the network (no background requests, no updates, no sync).
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A started browser, or why none could start. */
export async function startChromium(): Promise<{ browser: Browser; reason?: undefined } | { browser?: undefined; reason: string }> {
  try {
    return { browser: await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 }) };
  } catch (error) {
    return { reason: `Chromium (${CHROMIUM}) did not start: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * Every request a page makes, with any but `allowed` refused: a report must load nothing but itself. Call
 * before the page navigates.
 */
export async function watchRequests(page: Page, allowed: string): Promise<string[]> {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(request.url()));
  await page.route('**/*', (route) => (route.request().url() === allowed ? route.continue() : route.abort('blockedbyclient')));
  return seen;
}
