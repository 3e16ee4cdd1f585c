/// <reference lib="dom" />
/**
 * The analyst page (/analyst) in Chromium against the real gateway and every subgraph: an
 * analyst picks a metric, a grouping and a time range and gets a chart (uPlot, bundled: no
 * request leaves the gateway) and the table, masked; a rep's token is refused in words. The
 * chart's screenshot is checked for drawn bars (not a blank image).
 */
import { handBuiltEvents, PII } from "../analytics/handBuiltEvents";
import { leaksIn } from "../analytics/piiValues";
import { describeInBrowser, graphInChromium, openPage, screenshot } from "./browserKit";

describeInBrowser("analyst page in Chromium", () => {
  const suite = graphInChromium(180_000, async (graph) => {
    const db = (await graph.database("analytics")).db;
    await db.insertInto("analytics_staging").values(handBuiltEvents().map((event) => ({ id: event.id, event: JSON.stringify(event), staged_at: new Date().toISOString() }))).execute();
  });

  it("charts a metric per organization for a time range, with the table, masked and offline", async () => {
    const watched = await openPage(suite.browser, suite.origin);
    const { page } = watched;
    await page.goto(`${suite.origin}/analyst`);
    await page.locator("#token").fill(await suite.graph.token({ role: "analyst", org: "platform", sub: "analyst-1", name: "Analyst One" }));
    await page.locator("#metric").selectOption("overduePromises");
    await page.locator("#groupBy").selectOption("ORGANIZATION");
    await page.locator("#since").fill("2026-01-01");
    await page.locator("#until").fill("2026-02-10");
    await page.locator("#show").click();
    await page.locator("#table tbody tr").first().waitFor();
    await page.locator("#chart canvas").waitFor();

    const rows = await page.locator("#table tbody tr").allInnerTexts();
    const aolan = rows.find((row) => row.startsWith("aolan"));
    expect(aolan).toBeDefined();
    // The picked column (overdue promises) for aolan: 2 (tests/analytics/metrics.test.ts works it out).
    expect(await page.locator("#table tbody tr", { hasText: "aolan" }).locator("td.picked").innerText()).toBe("2");
    expect(await page.locator("#status").innerText()).toMatch(/\d+ groups/);
    const text = await page.locator("#app").innerText();
    expect(leaksIn(text, Object.values(PII))).toEqual([]);
    expect(watched.problems).toEqual([]);

    // The chart's screenshot has bars: enough pixels in the bar colour, decoded by the browser itself.
    const png = await page.locator("#chart").screenshot();
    await screenshot(page, "analyst-overdue-promises.png");
    const barPixels = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 120 && data[i] < 140 && data[i + 2] - data[i] > 40) blue++;
      return blue;
    }, png.toString("base64"));
    expect(barPixels).toBeGreaterThan(500);
  });

  it("shows a rep's refusal in words instead of a chart", async () => {
    const { page } = await openPage(suite.browser, suite.origin);
    await page.goto(`${suite.origin}/analyst`);
    await page.locator("#token").fill(await suite.graph.token({ role: "rep", org: "yougou" }));
    await page.locator("#show").click();
    await page.locator("#status.error").waitFor();
    expect(await page.locator("#status").innerText()).toContain("FORBIDDEN");
    expect(await page.locator("#table tbody tr").count()).toBe(0);
  });
});
