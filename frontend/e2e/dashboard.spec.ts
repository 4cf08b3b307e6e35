/** The dashboard driven in Chromium against a real Orchestra (see global-setup.ts). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test, type Page } from "@playwright/test";

import { stack } from "./stack";

const here = path.dirname(fileURLToPath(import.meta.url));

async function open(page: Page, route: string) {
  await page.goto(`${stack().url}/#${route}`);
}

async function createTask(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${stack().url}/api/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

test("the committed OpenAPI schema is the orchestrator's", async ({ request }) => {
  const live = await (await request.get(`${stack().url}/openapi.json`)).json();
  const committed = JSON.parse(readFileSync(path.join(here, "../openapi.json"), "utf8"));
  // On failure: `npm run api:update -- <orchestrator URL>`, then fix what `npm run typecheck` reports.
  expect(live.paths).toEqual(committed.paths);
  expect(live.components).toEqual(committed.components);
});

test("a task created in the UI runs to completion with its graph and result", async ({ page }) => {
  await open(page, "/tasks/new");
  await page
    .getByRole("textbox", { name: "Task" })
    .fill("Compute the average of 3, 5 and 10 and summarize the main arguments for and against remote work, then write a short report based on it");
  await page.getByRole("button", { name: "Run task" }).click();

  await expect(page).toHaveURL(/#\/tasks\/[0-9a-f]{32}$/);
  const header = page.locator(".task-header");
  await expect(header.locator(".badge")).toHaveText("completed", { timeout: 45_000 });

  const nodes = page.locator(".graph-node");
  await expect(nodes).not.toHaveCount(0);
  const count = await nodes.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.graph-node[data-status="completed"]')).toHaveCount(count);
  await expect(page.locator(".react-flow__edge")).not.toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Result", exact: true })).toBeVisible();
  await expect(page.locator(".result .markdown")).toContainText("6");
  await expect(page.locator(".timeline-bar.status-completed")).toHaveCount(count);

  // A step in full, reached from its node in the graph.
  await nodes.first().click();
  const card = page.locator(".step-card.selected");
  await expect(card).toHaveAttribute("open", "");
  await expect(card.getByText("Instance")).toBeVisible();

  await page.getByRole("link", { name: "Tasks", exact: true }).first().click();
  await expect(page.locator(".tasks-table tbody tr").first().locator(".badge")).toHaveText("completed");
});

test("the task list shows new tasks without a reload", async ({ page }) => {
  await open(page, "/tasks");
  await expect(page.getByRole("heading", { name: "Tasks" })).toBeVisible();
  await createTask({ description: "Compute the median of 4, 8, 15 and 16" });
  const row = page.locator(".tasks-table tr", { hasText: "Compute the median of 4, 8, 15 and 16" });
  await expect(row).toBeVisible();
  await expect(row.locator(".badge")).toHaveText("completed", { timeout: 30_000 });
  await page.getByLabel("Status").selectOption("failed");
  await expect(row).toHaveCount(0);
});

test("a session and its task deleted from their pages are gone", async ({ page }) => {
  const session = await fetch(`${stack().url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "Scratch work to delete" }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const kept = await createTask({ description: "Compute the sum of 40 and 2", session_id: session.id });
  const gone = await createTask({ description: "Compute the sum of 7 and 8", session_id: session.id });

  await open(page, `/tasks/${gone}`);
  await expect(page.locator(".task-header .badge")).toHaveText("completed", { timeout: 30_000 });
  await page.getByRole("button", { name: "Delete task…" }).click();
  await page.getByRole("button", { name: "Delete task", exact: true }).click();
  await expect(page).toHaveURL(/#\/tasks$/);
  expect((await fetch(`${stack().url}/api/tasks/${gone}`)).status).toBe(404);

  await open(page, `/sessions/${session.id}`);
  await expect(page.getByRole("heading", { name: "Scratch work to delete" })).toBeVisible();
  await expect(page.locator(".tasks-table tbody tr")).toHaveCount(1);
  await page.getByRole("button", { name: "Delete session…" }).click();
  await expect(page.getByText("1 task go too")).toBeVisible();
  await page.getByRole("button", { name: "Delete session", exact: true }).click();
  await expect(page).toHaveURL(/#\/sessions$/);
  await expect(page.getByText("Scratch work to delete")).toHaveCount(0);
  expect((await fetch(`${stack().url}/api/tasks/${kept}`)).status).toBe(404);
});

test.describe.serial("an agent registered, used, canceled and removed in the UI", () => {
  test("register the slow agent by its URL", async ({ page }) => {
    const { slowAgentUrl, slowAgentName } = stack();
    await open(page, "/agents");
    await page.getByLabel("Agent card URL").fill(slowAgentUrl);
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Registered ${slowAgentName}` })).toBeVisible();
    const card = page.locator(`article[data-agent="${slowAgentName}"]`);
    await expect(card).toBeVisible();
    await expect(card.getByText("wait-a")).toBeVisible();
    await expect(card.locator(".badge.health-healthy")).toBeVisible();
  });

  test("cancel a running task from its page", async ({ page }) => {
    const id = await createTask({
      description: "Wait twice (e2e cancel)",
      plan: {
        steps: [
          { id: "s1", title: "Wait", instruction: "Wait.", capability: "wait-a", depends_on: [] },
          { id: "s2", title: "Wait again", instruction: "Wait again.", capability: "wait-a", depends_on: ["s1"] },
        ],
      },
    });
    await open(page, `/tasks/${id}`);
    await expect(page.locator('.graph-node[data-step="s1"]')).toHaveAttribute("data-status", "running", { timeout: 30_000 });
    await expect(page.locator(".stream-open")).toBeVisible();
    await page.getByRole("button", { name: "Cancel task" }).click();
    await expect(page.locator(".task-header .badge")).toHaveText("canceled");
    await expect(page.getByRole("button", { name: "Cancel task" })).toHaveCount(0);
    await expect(page.locator('.graph-node[data-step="s2"]')).not.toHaveAttribute("data-status", "completed");
    await expect(page.locator('.graph-node[data-step="s2"]')).not.toHaveAttribute("data-status", "running");
  });

  test("remove the agent", async ({ page }) => {
    const { slowAgentName } = stack();
    await open(page, "/agents");
    const card = page.locator(`article[data-agent="${slowAgentName}"]`);
    await card.getByRole("button", { name: `Remove ${slowAgentName}…` }).click();
    await card.getByRole("button", { name: `Remove ${slowAgentName}`, exact: true }).click();
    await expect(card).toHaveCount(0);
    await expect(page.locator("article[data-agent]")).toHaveCount(2);
    const agents = (await (await fetch(`${stack().url}/api/agents`)).json()) as { items: { name: string }[] };
    expect(agents.items.map((a) => a.name)).not.toContain(slowAgentName);
  });
});

test("pages are reachable by keyboard and work at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, "/tasks");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "New task" }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#\/tasks\/new$/);
  for (const route of ["/tasks", "/agents", "/sessions"]) {
    await open(page, route);
    await expect(page.locator(".state-loading")).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${route} is wider than the phone`).toBeLessThanOrEqual(390);
  }
});
