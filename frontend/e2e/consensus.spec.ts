/**
 * A consensus step in the dashboard, against the real stack: three test agents answer one
 * instruction (one is told to fail), the orchestrator aggregates, and the task page shows the
 * consensus view with its heatmap.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";

import { stack } from "./stack";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const python = path.join(repo, ".venv/bin/python");
const AGENTS = ["alpha", "beta", "gamma"];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function api(method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${stack().url}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const children: ChildProcess[] = [];
const registered: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const { dataDir } = stack();
  for (const name of AGENTS) {
    const port = await freePort();
    const log = path.join(dataDir, `consensus-${name}.log`);
    // gamma is told to fail its step: the consensus goes on with the two others.
    const fail = name === "gamma" ? "s1@gamma" : "";
    const child = spawn(
      python,
      ["-m", "tests.support.slow_agent", String(port), name, "0", path.join(dataDir, `consensus-${name}-calls.txt`), fail, "opinion"],
      { cwd: path.join(repo, "backend"), env: { ...process.env, DATABASE_URL: "" }, detached: true, stdio: ["ignore", openSync(log, "a"), openSync(log, "a")] },
    );
    children.push(child);
    const cardUrl = `http://127.0.0.1:${port}/.well-known/agent-card.json`;
    await expect
      .poll(async () => (await fetch(cardUrl).catch(() => undefined))?.ok ?? false, { timeout: 60_000, message: `agent ${name} (see ${log})` })
      .toBe(true);
    const answer = await api("POST", "/api/agents", { card_url: cardUrl });
    expect(answer.status, await answer.clone().text()).toBe(201);
    registered.push(((await answer.json()) as { id: string }).id);
  }
});

test.afterAll(async () => {
  for (const id of registered) await api("DELETE", `/api/agents/${id}`);
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGINT");
    } catch {
      // already gone
    }
  }
});

test("a consensus step shows its consensus view with the similarity heatmap", async ({ page }) => {
  const created = await api("POST", "/api/tasks", {
    description: "Ask three agents for an opinion and agree on one",
    plan: {
      steps: [
        {
          id: "s1",
          title: "Ask three agents",
          instruction: "What do you think of remote work?",
          capability: "opinion",
          kind: "consensus",
          participants: { agents: AGENTS },
          aggregator: "vote",
        },
        { id: "s2", title: "Follow up", instruction: "Say what the consensus was.", capability: "opinion", depends_on: ["s1"] },
      ],
    },
  });
  expect(created.status, await created.clone().text()).toBe(202);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`${stack().url}/#/tasks/${id}`);
  await expect(page.locator(".task-header .badge")).toHaveText("completed", { timeout: 45_000 });

  // The participants are one node of the graph, between nothing and the consensus step.
  const group = page.locator('.graph-node[data-step="s1@participants"]');
  await expect(group).toHaveAttribute("aria-label", "Participants of consensus step s1: alpha completed, beta completed, gamma failed");
  await expect(page.locator('.graph-node[data-step="s1@alpha"]')).toHaveCount(0);

  const view = page.getByRole("region", { name: "Consensus of step s1" });
  await expect(view).toBeVisible();
  await expect(view).toContainText("Vote: the value most participants gave");
  await expect(view.getByText("2 of 3")).toBeVisible();
  const cards = view.getByRole("list", { name: "Answers side by side" }).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: "gamma" })).toContainText("Failed:");

  // The heatmap is drawn (SVG from echarts, loaded on demand) with a cell per pair of answers.
  const heatmap = view.getByRole("img", { name: /Heatmap of how similar the answers of alpha, beta are/ });
  await expect(heatmap.locator("svg")).toBeVisible();
  await expect(view.getByRole("table", { name: /Similarity of the answers/ }).getByRole("rowheader")).toHaveText(["alpha", "beta"]);
  // A value on hover: the tooltip names both participants.
  await heatmap.hover({ position: { x: 120, y: 40 } });
  await expect(heatmap).toContainText(/alpha and alpha: 1\.00|alpha and beta|beta and alpha/);
  await page.screenshot({ path: test.info().outputPath("consensus.png"), fullPage: true });
  await view.screenshot({ path: test.info().outputPath("consensus-view.png") });
});
