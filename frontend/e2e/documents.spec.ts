/** Documents uploaded in the dashboard are searched, read by research steps, and deleted. */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";

import { stack } from "./stack";

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLE = path.join(here, "../../examples/documents/remote-work.md");

test("a document uploaded on the Documents page answers the README's first example", async ({ page }) => {
  await page.goto(`${stack().url}/#/documents`);
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  await page.getByLabel("Files to upload").setInputFiles(EXAMPLE);
  await expect(page.getByRole("list", { name: "Uploads" })).toContainText(/remote-work\.md \d+ passages to search/);
  const row = page.locator('tr[data-document="remote-work.md"]');
  await expect(row).toContainText("markdown");

  await page.getByLabel("What to look for").fill("isolation and loneliness");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("list", { name: "Passages found" }).locator("li").first()).toContainText("loneliness");

  // The research step of the README's first example now quotes and cites the document.
  const response = await fetch(`${stack().url}/api/tasks?wait=60`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      description: "Summarize the main arguments for and against remote work and compute the average of 3, 5 and 10",
    }),
  });
  const task = (await response.json()) as { id: string; status: string };
  expect(task.status).toBe("completed");
  await page.goto(`${stack().url}/#/tasks/${task.id}`);
  await expect(page.locator(".step-card").filter({ hasText: "isolation and loneliness" }).first()).toBeAttached();
  await expect(page.getByText("remote-work.md, passage", { exact: false }).first()).toBeAttached();

  await page.goto(`${stack().url}/#/documents`);
  await row.getByRole("button", { name: "Delete document…" }).click();
  await row.getByRole("button", { name: "Delete document", exact: true }).click();
  await expect(row).toHaveCount(0);
});
