/** Workflows in the dashboard against a real Orchestra: write one, run it from its form, follow the run. */
import { expect, test, type Page } from "@playwright/test";

import { stack } from "./stack";

const SHOTS = process.env.E2E_SHOTS_DIR;

async function open(page: Page, route: string) {
  await page.goto(`${stack().url}/#${route}`);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const VALID = `name: E2E numbers
description: The mean of some numbers, doubled when it is above a threshold.
input_schema:
  type: object
  properties:
    numbers: {type: array, items: {type: number}, minItems: 2, description: The numbers to average.}
    threshold: {type: number, default: 10}
    unit: {type: string, enum: [m, km], default: m}
  required: [numbers]
steps:
  - id: s1
    title: Statistics
    capability: statistics
    instruction: "Compute the mean of {{ inputs.numbers | join(', ') }}"
  - id: s2
    title: Double the mean
    capability: calculation
    depends_on: [s1]
    condition: steps.s1.data.mean > inputs.threshold
    instruction: "Compute {{ steps.s1.data.mean }} * 2"
outputs:
  mean: steps.s1.data.mean
  doubled: steps.s2.data.result
`;

test.describe.serial("a workflow from the editor to a finished run", () => {
  let workflowUrl = "";
  let runUrl = "";

  test("the editor refuses what does not parse, and shows the server's problems by line", async ({ page }) => {
    await open(page, "/workflows");
    await page.getByRole("link", { name: "New workflow" }).click();
    await expect(page).toHaveURL(/#\/workflows\/new$/);
    const editor = page.getByLabel(/^Definition/);

    let sent = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/workflows")) sent += 1;
    });
    await editor.fill("name: Broken\nsteps:\n  - id: s1\n   title: y\n");
    await page.getByRole("button", { name: "Save workflow" }).click();
    await expect(page.getByRole("alert")).toContainText("Cannot read the definition");
    await expect(page.getByRole("alert")).toContainText("Line 4");
    expect(sent).toBe(0);

    // Line 13: the unknown capability of step s1.
    await editor.fill(VALID.replace("capability: statistics", "capability: statistic"));
    await page.getByRole("button", { name: "Save workflow" }).click();
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText("steps.0.capability");
    await expect(problems).toContainText("unknown capability 'statistic'");
    await expect(problems.getByRole("button", { name: "Line 13" })).toBeVisible();
    await expect(page.locator(".gutter-line.problem")).toHaveText(["● 13"]);
    await expect(page).toHaveURL(/#\/workflows\/new$/);
    expect(sent).toBe(1);
    await shot(page, "workflow-editor-problems");

    await editor.fill(VALID);
    await page.getByRole("button", { name: "Save workflow" }).click();
    await expect(page).toHaveURL(/#\/workflows\/[0-9a-f]{32}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E numbers");
    workflowUrl = page.url();
    // The task page's graph: the two steps, before any run.
    await expect(page.locator(".graph-node.status-planned")).toHaveCount(2);
    await expect(page.locator(".react-flow__edge")).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Inputs" })).toContainText("list of number");
    await shot(page, "workflow-page");
  });

  test("a run from the generated form completes on its task page", async ({ page }) => {
    test.skip(!workflowUrl, "needs the workflow saved above");
    await page.goto(workflowUrl);
    await page.getByRole("link", { name: "Run", exact: true }).click();
    await expect(page).toHaveURL(/\/run$/);
    await expect(page.getByLabel(/^threshold/)).toHaveValue("10");
    await expect(page.getByLabel(/^unit/)).toHaveValue("0");

    // One number is too few: the server's 422 shows next to the field.
    await page.getByLabel(/^numbers/).fill("3");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page.locator('[data-field="numbers"] .field-error')).toContainText("has less than 2 items");
    await expect(page.getByLabel(/^numbers/)).toHaveAttribute("aria-invalid", "true");
    await shot(page, "workflow-run-form-problem");

    await page.getByLabel(/^numbers/).fill("3, 5, 10, 40");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page).toHaveURL(/#\/tasks\/[0-9a-f]{32}$/);
    runUrl = page.url();
    await expect(page.locator(".task-header .badge")).toHaveText("completed", { timeout: 45_000 });
    await expect(page.locator('.graph-node[data-status="completed"]')).toHaveCount(2);
    await page.getByText("Result data").click();
    await expect(page.locator(".result")).toContainText("14.5");
    await shot(page, "workflow-run-task");
  });

  test("a new version, compared with the first", async ({ page }) => {
    test.skip(!workflowUrl, "needs the workflow saved above");
    await page.goto(workflowUrl);
    await page.getByRole("link", { name: "Edit" }).click();
    const editor = page.getByLabel(/^Definition/);
    await expect(editor).toHaveValue(/threshold:/);
    await editor.fill((await editor.inputValue()).replace("default: 10", "default: 2"));
    await page.getByRole("button", { name: "Save version 2" }).click();
    await expect(page).toHaveURL(workflowUrl);
    await expect(page.getByText("Version 2 ·")).toBeVisible();
    const diff = page.getByLabel("Differences from version 1 to version 2");
    await expect(diff.locator(".diff-removed")).toContainText("default: 10");
    await expect(diff.locator(".diff-added")).toContainText("default: 2");
    await shot(page, "workflow-versions");
  });

  test("workflow pages fit a phone", async ({ page }) => {
    test.skip(!workflowUrl, "needs the workflow saved above");
    await page.setViewportSize({ width: 390, height: 844 });
    const id = workflowUrl.split("/").at(-1);
    for (const route of ["/workflows", `/workflows/${id}`, `/workflows/${id}/run`, `/workflows/${id}/edit`, "/workflows/new"]) {
      await open(page, route);
      await expect(page.locator(".state-loading")).toHaveCount(0);
      await expect(page.locator("h1")).toBeVisible();
      // The workflow's page with its versions' differences: long lines scroll within their box.
      if (route === `/workflows/${id}`) await expect(page.locator(".diff")).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${route} is wider than the phone`).toBeLessThanOrEqual(390);
      if (route === `/workflows/${id}`) await shot(page, "workflow-page-phone");
    }
  });

  test("a schedule made, previewed, paused, resumed and deleted on its page", async ({ page }) => {
    test.skip(!workflowUrl, "needs the workflow saved above");
    await page.goto(workflowUrl);
    const schedules = page.getByRole("region", { name: "Schedules" });
    await expect(schedules).toContainText("No schedules");
    const form = schedules.getByRole("form", { name: "New schedule" });

    // A cron the server cannot read: its problem under the field, nothing made.
    await form.getByLabel("Cron").fill("every morning");
    await form.getByRole("button", { name: "Make schedule" }).click();
    await expect(form.getByLabel("Cron")).toHaveAttribute("aria-invalid", "true");
    await expect(schedules.getByRole("listitem", { name: /^schedule / })).toHaveCount(0);

    await form.getByLabel("Cron").fill("0 6 * * *");
    await form.getByLabel("Time zone").fill("Asia/Tokyo");
    await form.getByLabel("Inputs (JSON)").fill('{"numbers": [1, 2]}');
    await form.getByLabel("A time while the last run goes on").selectOption("queue");
    await form.getByRole("button", { name: "Make schedule" }).click();
    const made = schedules.getByRole("listitem", { name: "schedule 0 6 * * *" });
    await expect(made).toContainText("Asia/Tokyo");
    await expect(made).toContainText("Active");
    await expect(made).toContainText("run anyway");
    await made.getByText("Next 5 runs").click();
    // 06:00 in Tokyo is 21:00 UTC the day before: each time a day after the last.
    const times = made.getByRole("list", { name: "Next runs of schedule 0 6 * * *" }).locator("time");
    await expect(times).toHaveCount(5);
    const stamps = await times.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
    for (const stamp of stamps) expect(stamp).toMatch(/T21:00:00/);
    expect(new Set(stamps).size).toBe(5);
    await shot(page, "workflow-schedules");

    await made.getByRole("button", { name: "Pause" }).click();
    await expect(made).toContainText("Paused");
    await made.getByRole("button", { name: "Resume" }).click();
    await expect(made).toContainText("Active");
    await made.getByRole("button", { name: "Delete schedule 0 6 * * *…" }).click();
    await made.getByRole("button", { name: "Delete schedule", exact: true }).click();
    await expect(schedules).toContainText("No schedules");
  });

  test("a webhook made shows its URL once, starts a run, and stops working when rotated", async ({ page, request }) => {
    test.skip(!workflowUrl, "needs the workflow saved above");
    await page.goto(workflowUrl);
    const webhook = page.getByRole("region", { name: "Webhook" });
    await expect(webhook).toContainText("No webhook");
    await webhook.getByRole("button", { name: "Make webhook" }).click();
    const shown = webhook.getByRole("region", { name: "New webhook" });
    const url = (await shown.getByTestId("hook-url").textContent()) ?? "";
    expect(url).toMatch(new RegExp(`^${stack().url}/api/hooks/\\S+$`));
    await expect(shown.getByLabel("Example curl")).toContainText(`curl -X POST '${url}'`);
    await shot(page, "workflow-webhook");

    // The URL shown is the one that works: a delivery starts a run.
    const delivered = await request.post(url, { data: { numbers: [2, 4] } });
    expect(delivered.status()).toBe(202);
    const run = (await delivered.json()) as { id: string; workflow_id: string };
    expect(run.workflow_id).toBe(workflowUrl.split("/").at(-1));

    await page.reload();
    await expect(webhook).toContainText("A webhook is set");
    await expect(webhook.getByRole("region", { name: "New webhook" })).toHaveCount(0); // shown once
    await webhook.getByRole("button", { name: "Rotate webhook" }).click();
    await expect(webhook.getByRole("region", { name: "New webhook" })).toBeVisible();
    expect((await request.post(url, { data: { numbers: [2, 4] } })).status()).toBe(404);
  });

  test("its runs are listed; deleted, its run stays readable", async ({ page }) => {
    test.skip(!workflowUrl || !runUrl, "needs the workflow and run above");
    await page.goto(workflowUrl);
    const runs = page.getByRole("region", { name: "Runs" });
    // The run from the form (version 1), after the webhook's (version 2), newest first.
    const run = runs.locator(`a[href$="${runUrl.split("#")[1]}"]`);
    await expect(run).toHaveAccessibleName(/^Run [0-9a-f]{8}, started/);
    await expect(runs.locator('[data-label="Version"]')).toHaveText(["2", "1"]);

    await page.getByRole("button", { name: "Delete E2E numbers…" }).click();
    await page.getByRole("button", { name: "Delete E2E numbers", exact: true }).click();
    await expect(page).toHaveURL(/#\/workflows$/);
    await expect(page.getByRole("link", { name: "E2E numbers" })).toHaveCount(0);
    await page.goto(runUrl);
    await expect(page.locator(".task-header .badge")).toHaveText("completed");
  });
});

test("a finished task is saved as a workflow from its page, its numbers made inputs", async ({ page, request }) => {
  const created = await request.post(`${stack().url}/api/tasks?wait=30`, { data: { description: "Compute the mean of 4, 8 and 15" } });
  const task = (await created.json()) as { id: string; status: string };
  expect(task.status).toBe("completed");
  await open(page, `/tasks/${task.id}`);
  await page.getByRole("button", { name: "Save as workflow…" }).click();
  await page.getByLabel("Workflow name").fill("E2E means");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/#\/workflows\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E means");
  const inputs = page.getByRole("region", { name: "Inputs" });
  for (const name of ["number_1", "number_2", "number_3"]) await expect(inputs).toContainText(name);
  await expect(inputs).toContainText("15");
  await shot(page, "workflow-saved-from-task");

  // The same name again is refused on the task page.
  await open(page, `/tasks/${task.id}`);
  await page.getByRole("button", { name: "Save as workflow…" }).click();
  await page.getByLabel("Workflow name").fill("E2E means");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("already");
});
