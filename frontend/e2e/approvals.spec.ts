/** An approval step in a task's plan, decided on the task page against a real orchestrator and analyst. */
import { expect, test, type Page } from "@playwright/test";

import { stack } from "./stack";

/** a sum, a person's sign-off on it, then the sum doubled. */
const PLAN = {
  steps: [
    { id: "a", title: "Add", instruction: "Compute 19 + 23", capability: "calculation" },
    { id: "ok", title: "Sign-off", instruction: "Is the sum right before it is doubled?", kind: "approval", depends_on: ["a"] },
    { id: "b", title: "Double", instruction: "Compute 42 * 2", capability: "calculation", depends_on: ["ok"] },
  ],
};

async function waitingTask(page: Page, description: string): Promise<string> {
  const response = await fetch(`${stack().url}/api/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ description, plan: PLAN }),
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${stack().url}/#/tasks/${id}`);
  await expect(page.locator(".task-header .badge")).toHaveAttribute("data-status", "input_required", { timeout: 30_000 });
  const approval = page.getByRole("region", { name: /Step ok waits for your approval/ });
  await expect(approval.locator(".question-text")).toHaveText("Is the sum right before it is doubled?");
  // The step after it has not run: it waits for the decision.
  await expect(page.locator('.graph-node[data-step="a"]')).toHaveAttribute("data-status", "completed");
  await expect(page.locator('.graph-node[data-step="b"]')).toHaveAttribute("data-status", "pending");
  return id;
}

test("an approval step waits, is approved with a comment, and the steps after it run", async ({ page }) => {
  const id = await waitingTask(page, "Add, sign off, double (e2e approve)");
  await page.getByLabel("Comment (needed to reject)").fill("the sum is right");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.locator(".task-header .badge")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.locator(".result .markdown")).toContainText("84");
  await expect(page.locator(".step-approval")).toHaveCount(0);
  await expect(page.locator(".approval-decision.approved")).toContainText("the sum is right");
  const task = (await (await fetch(`${stack().url}/api/tasks/${id}`)).json()) as {
    steps: { id: string; status: string; output_data: unknown }[];
  };
  expect(task.steps.find((s) => s.id === "ok")).toMatchObject({
    status: "completed",
    output_data: { approved: true, comment: "the sum is right" },
  });
});

test("a rejection needs a comment, and fails the task without running the steps after it", async ({ page }) => {
  await waitingTask(page, "Add, sign off, double (e2e reject)");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Say why you reject it in the comment.");
  await page.getByLabel("Comment (needed to reject)").fill("wrong numbers");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.locator(".task-header .badge")).toHaveText("failed", { timeout: 30_000 });
  await expect(page.locator(".approval-decision.rejected")).toContainText("wrong numbers");
  await expect(page.locator('.graph-node[data-step="b"]')).toHaveAttribute("data-status", "skipped");
});
