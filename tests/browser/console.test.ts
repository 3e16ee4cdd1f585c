/**
 * The rep console (/console) and GraphiQL (/) in Chromium against the real gateway and all
 * subgraphs: S1 (order number -> technician -> cancel the visit -> the timeline shows it) and
 * S2 (security detail refused -> verify with the code -> shown), as a rep clicks through them.
 * Screenshots go to docs/screenshots/ (the README shows console-s1.png).
 */
import { PEOPLE } from "../helpers/people";
import { describeInBrowser, graphInChromium, expectHealthy, openPage, screenshot, type WatchedPage } from "./browserKit";

describeInBrowser("rep console and GraphiQL in Chromium (S1, S2)", () => {
  const suite = graphInChromium(120_000);

  async function openConsole(rep: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<WatchedPage> {
    const watched = await openPage(suite.browser, suite.origin);
    await watched.page.goto(`${suite.origin}/console`);
    await watched.page.getByTestId("token").fill(await suite.graph.token(rep));
    return watched;
  }

  async function find(watched: WatchedPage, identifier: string) {
    await watched.page.getByTestId("identifier").fill(identifier);
    await watched.page.getByTestId("identifier").press("Enter");
  }

  it("S1: finds 王磊 by the order number, shows the technician, cancels the visit and the timeline shows the cancellation", async () => {
    const watched = await openConsole(PEOPLE.yougouRep);
    const { page } = watched;
    await find(watched, "YG-20261102-0001");
    const customer = page.getByTestId("customer");
    await customer.waitFor();
    expect(await customer.getAttribute("data-customer-id")).toBe("C-S1");
    await expect(page.locator("h2 .name").innerText()).resolves.toBe("王磊");

    // The open visit, handled by the maker's technician: name, team, organization, phone, hours.
    const visit = page.getByTestId("matter-VIS-0001");
    await visit.waitFor();
    const handler = await visit.getByTestId("handler").innerText();
    expect(handler).toContain("赵刚 Zhao Gang");
    expect(handler).toContain("aolan");
    expect(handler).toContain("+86 139-7100-2233");
    expect(handler).toContain("09:00-18:00");
    // Times on the Beijing clock, UTC on hover.
    const since = visit.getByTestId("handler").locator("time");
    expect(await since.getAttribute("title")).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(await page.getByTestId("before-you-call").innerText()).toContain("Before you call");
    await expectHealthy(watched);
    await screenshot(page, "console-s1.png");

    // Cancel with confirmation: the first click only asks.
    const action = page.getByTestId("cancel-visit-VIS-0001");
    await action.getByRole("button", { name: "Cancel this visit…" }).click();
    expect(await action.innerText()).toContain("Cancel visit VIS-0001?");
    await action.getByTestId("cancel-reason").fill("resolved by the customer");
    await action.getByRole("button", { name: "Yes, cancel the visit" }).click();

    // The visit is no longer open work, and the newest timeline entry is its cancellation by this rep.
    await visit.waitFor({ state: "detached" });
    const cancelled = page.locator('[data-testid="timeline-entry"][data-kind="VISIT_CANCELLED"][data-subject="VIS-0001"]');
    await cancelled.waitFor();
    const entry = await cancelled.innerText();
    expect(entry).toContain("resolved by the customer");
    expect(entry).toContain(PEOPLE.yougouRep.name);
    // Newest first: the cancellation, unless the contractor's job already followed it (S1's
    // reaction, which may land before the page reads the timeline): nothing else is newer.
    const kinds = await page.getByTestId("timeline-entry").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-kind")));
    const newer = kinds.slice(0, kinds.indexOf("VISIT_CANCELLED"));
    expect(kinds).toContain("VISIT_CANCELLED");
    expect(newer.every((kind) => kind === "JOB_CANCELLED")).toBe(true);
    expect(newer.length).toBeLessThanOrEqual(1);
    // The subject expands to the visit as the maker's subgraph tells it now.
    await cancelled.getByRole("button", { name: /Visit VIS-0001/ }).click();
    expect(await cancelled.getByTestId("subject").innerText()).toContain("CANCELLED");
    await expectHealthy(watched);
    await screenshot(page, "console-s1-cancelled.png");

    // Cancelling again is refused by the maker (CONFLICT), and the console says so in words.
    const again = await suite.graph.query(`mutation { cancelVisit(visitId: "VIS-0001", reason: "again", idempotencyKey: "browser-s1-again") { id } }`, {}, { caller: PEOPLE.yougouRep });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    await page.context().close();
  });

  it("S2: security detail is refused in words, the rep verifies with the code sent to the customer, then it is shown", async () => {
    const watched = await openConsole(PEOPLE.platformRep);
    const { page } = watched;
    await find(watched, "139-1234-5678");
    const login = page.getByTestId("login-u-lina");
    await login.waitFor();
    expect(await page.locator("h2 .name").innerText()).toBe("李娜");
    expect(await login.innerText()).toContain("locked");

    await login.getByTestId("show-security-detail").click();
    const refusal = login.getByTestId("errors");
    await refusal.waitFor();
    expect(await refusal.locator("li").first().getAttribute("data-code")).toBe("VERIFICATION_REQUIRED");
    expect(await refusal.innerText()).toContain("verify the caller's identity");
    expect(await login.getByTestId("security-detail").count()).toBe(0);
    await expectHealthy(watched, { errorsAllowed: true });
    await screenshot(page, "console-s2-refused.png");

    // The code goes to the registered phone; outside production the gateway also returns it (devCode).
    await login.getByTestId("start-verification").click();
    const devCode = (await login.getByTestId("dev-code").locator("code").innerText()).trim();
    expect(devCode).toMatch(/^\d{4,8}$/);
    expect(await login.getByTestId("verification").innerText()).toContain("139****5678");
    await login.getByTestId("verification-code").fill(devCode);
    await login.getByTestId("confirm-verification").click();

    const detail = login.getByTestId("security-detail");
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain("WRONG_PASSWORD");
    expect(text).toMatch(/Locked since \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(text).toMatch(/SMS \S*LOCK\S* to 139\*\*\*\*5678/i);
    expect(await login.getByTestId("verified").innerText()).toContain(PEOPLE.platformRep.name);
    expect(await login.getByTestId("errors").count()).toBe(0);
    await expectHealthy(watched);
    await screenshot(page, "console-s2-verified.png");
    await page.context().close();
  });

  it("the shared home phone offers two customers to choose from; the chosen one opens", async () => {
    const watched = await openConsole(PEOPLE.unicomRep);
    const { page } = watched;
    await find(watched, "027-8765-4321");
    await page.getByTestId("candidate-C-S3P").waitFor();
    expect(await page.getByTestId("candidates").innerText()).toContain("2 customers match");
    expect(await page.getByTestId("customer").count()).toBe(0);
    await page.getByTestId("candidate-C-S3P").click();
    await page.getByTestId("customer").waitFor();
    expect(await page.locator("h2").innerText()).toContain("张建国 Zhang Jianguo");
    await expectHealthy(watched);
    await page.context().close();
  });

  it("GraphiQL at / works offline: the stored operations as tabs and the docs explorer", async () => {
    const watched = await openPage(suite.browser, suite.origin);
    const { page } = watched;
    // The token as a returning user has it (pasted earlier in this tab), so the first schema fetch is authenticated.
    await page.addInitScript((token) => (globalThis as any).sessionStorage.setItem("c360.graphiql.token", token), await suite.graph.token(PEOPLE.yougouRep));
    await page.goto(`${suite.origin}/`);
    await page.locator(".graphiql-container").waitFor();
    await page.locator(".graphiql-doc-explorer").waitFor();
    expect(await page.locator(".graphiql-tab").count()).toBeGreaterThanOrEqual(4);
    await page.locator(".graphiql-query-editor").getByText("query Customer360").waitFor();
    // The docs explorer has the schema: it was introspected with the pasted token.
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
    expect(watched.problems).toEqual([]);
    await screenshot(page, "graphiql.png");
    await page.context().close();
  });
});
