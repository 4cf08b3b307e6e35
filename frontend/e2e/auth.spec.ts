/**
 * The dashboard against an orchestrator with AUTH_ENABLED=true (started alone by global-setup.ts,
 * with a `user` key from `orchestra keys create`): it asks for a key, refuses a wrong one, lets a
 * valid one in, and everything then works with it (REST calls and the task's event stream).
 */
import { expect, test } from "@playwright/test";

import { stack } from "./stack";

test("with auth on, the dashboard asks for a key and works with a valid one", async ({ page }) => {
  const { authUrl, authUserKey } = stack();
  const unauthorized = await fetch(`${authUrl}/api/tasks`);
  expect(unauthorized.status).toBe(401);

  await page.goto(`${authUrl}/#/tasks`);
  await expect(page.getByRole("heading", { name: "API key needed" })).toBeVisible();
  const input = page.getByLabel("API key", { exact: true });
  await expect(input).toBeFocused();

  await input.fill("orc_this_is_not_a_key");
  await input.press("Enter");
  await expect(page.getByRole("alert")).toContainText("This key was refused");
  await expect(page.getByRole("heading", { name: "API key needed" })).toBeVisible();

  await input.fill(authUserKey);
  await input.press("Enter");
  await expect(page.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem("orchestra.apiKey"))).toBe(authUserKey);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // A task created with the key; its page follows the event stream with the key too.
  await page.getByRole("link", { name: "New task" }).first().click();
  await page.getByRole("textbox", { name: "Task" }).fill("Compute the average of 3, 5 and 10 (e2e auth)");
  await page.getByRole("button", { name: "Run task" }).click();
  await expect(page).toHaveURL(/#\/tasks\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compute the average of 3, 5 and 10 (e2e auth)");
  // No agent runs next to this orchestrator, so the task ends (failed); the stream must bring it.
  await expect(page.locator(".task-header .badge")).toHaveText(/completed|failed/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "API key needed" })).toHaveCount(0);

  // A user key may not manage agents.
  await page.getByRole("link", { name: "Agents" }).click();
  await page.getByLabel("Agent card URL").fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("alert")).toContainText("Needs an admin key.");

  // The key lasts across a reload of the tab, and signing out forgets it.
  await page.goto(`${authUrl}/#/tasks`);
  await expect(page.locator(".tasks-table tr", { hasText: "(e2e auth)" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "API key needed" })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem("orchestra.apiKey"))).toBeNull();
});
