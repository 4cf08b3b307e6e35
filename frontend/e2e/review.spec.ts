/** A plan awaiting approval, approved from the task page against a real orchestrator. */
import { expect, test } from "@playwright/test";

import { stack } from "./stack";

test("a plan awaiting approval is approved on its task page and runs", async ({ page }) => {
  const response = await fetch(`${stack().url}/api/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ description: "Compute the sum of 19 and 23", review_plan: true }),
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${stack().url}/#/tasks/${id}`);
  const header = page.locator(".task-header");
  await expect(header.locator(".badge")).toHaveAttribute("data-status", "awaiting_approval", { timeout: 30_000 });
  await expect(page.locator(".graph-node")).not.toHaveCount(0);
  await page.getByLabel("Comment (optional)").fill("checked");
  await page.getByRole("button", { name: "Approve plan" }).click();
  await expect(header.locator(".badge")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.locator(".result .markdown")).toContainText("42");
  await expect(page.getByRole("heading", { name: "This plan waits for your approval" })).toHaveCount(0);
});
