/** An agent's question answered from the task page's reply box, against a real orchestrator and analyst. */
import { expect, test } from "@playwright/test";

import { stack } from "./stack";

test("a step's question is answered in its reply box and the task completes with the reply", async ({ page }) => {
  const response = await fetch(`${stack().url}/api/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ description: "compute the average" }),
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${stack().url}/#/tasks/${id}`);
  const header = page.locator(".task-header");
  await expect(header.locator(".badge")).toHaveAttribute("data-status", "input_required", { timeout: 30_000 });
  await expect(page.locator(".question-text")).toContainText("No numbers found to compute on.");
  await page.getByLabel("Your reply").fill("4, 8 and 15");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(header.locator(".badge")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.locator(".result .markdown")).toContainText("9");
  await expect(page.locator(".step-question")).toHaveCount(0);
});
