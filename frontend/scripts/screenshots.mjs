#!/usr/bin/env node
// Screenshots of every dashboard page at desktop (1280 px) and phone (390 px) width, taken
// from a running Orchestra with Debian's Chromium. Usage:
//   node scripts/screenshots.mjs [BASE_URL] [OUT_DIR]
// When the orchestrator has no task yet, a sample task (in a session) is created first.
// With auth on, pass a key in ORCHESTRA_API_KEY (an admin key shows every task). The key prompt
// is taken too: for real without a key when auth is on, else with the API answering 401.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

const base = (process.argv[2] ?? process.env.ORCHESTRA_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const out = path.resolve(process.argv[3] ?? process.env.SCREENSHOTS_DIR ?? "../screenshots");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const key = process.env.ORCHESTRA_API_KEY ?? "";
const SIZES = [
  { name: "desktop", width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false },
  { name: "phone", width: 390, height: 844, deviceScaleFactor: 2, isMobile: true },
];

async function api(method, route, body) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      ...(body ? { "content-type": "application/json" } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    throw new Error(`${method} ${route}: HTTP 401: this orchestrator needs an API key; set ORCHESTRA_API_KEY.`);
  }
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function waitForEnd(id) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const task = await api("GET", `/api/tasks/${id}`);
    if (["completed", "failed", "canceled"].includes(task.status)) return task;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`task ${id} did not end within a minute`);
}

async function seed() {
  const { total } = await api("GET", "/api/tasks?limit=1");
  if (total > 0) return;
  console.log("No task yet: creating sample tasks.");
  const session = await api("POST", "/api/sessions", { title: "Remote work study" });
  const first = await api("POST", "/api/tasks", {
    description:
      "Summarize the main arguments for and against remote work and compute the average of 3, 5 and 10, then write a short report based on it",
    session_id: session.id,
  });
  await waitForEnd(first.id);
  const second = await api("POST", "/api/tasks", {
    description: "Extract the keywords and the sentiment of: The new release is fast, friendly and a joy to use.",
    session_id: session.id,
  });
  await waitForEnd(second.id);
}

/** A workflow to show (the newest), saved with one run when there is none. */
async function seedWorkflow() {
  const { items } = await api("GET", "/api/workflows?limit=1");
  if (items.length > 0) return items[0].id;
  console.log("No workflow yet: saving a sample workflow and running it.");
  const workflow = await api("POST", "/api/workflows", {
    name: "Numbers report",
    description: "The mean of some numbers, doubled when it is above a threshold.",
    input_schema: {
      type: "object",
      properties: {
        numbers: { type: "array", items: { type: "number" }, minItems: 2, description: "The numbers to average." },
        threshold: { type: "number", default: 10, description: "The mean above which it is doubled." },
      },
      required: ["numbers"],
    },
    steps: [
      { id: "s1", title: "Statistics", capability: "statistics", instruction: "Compute the mean of {{ inputs.numbers | join(', ') }}" },
      {
        id: "s2", title: "Double the mean", capability: "calculation", depends_on: ["s1"],
        condition: "steps.s1.data.mean > inputs.threshold", instruction: "Compute {{ steps.s1.data.mean }} * 2",
      },
    ],
    outputs: { mean: "steps.s1.data.mean", doubled: "steps.s2.data.result" },
  });
  const run = await api("POST", `/api/workflows/${workflow.id}/runs`, { inputs: { numbers: [3, 5, 10, 40] } });
  await waitForEnd(run.id);
  return workflow.id;
}

async function pick() {
  const tasks = (await api("GET", "/api/tasks?limit=50")).items;
  const done = tasks.filter((t) => t.status === "completed").sort((a, b) => b.steps_total - a.steps_total);
  const task = done[0] ?? tasks[0];
  const session = tasks.find((t) => t.session_id)?.session_id;
  return { task: task?.id, session };
}

/** Whether the orchestrator asks for a key (AUTH_ENABLED=true). */
async function authEnabled() {
  return (await fetch(`${base}/api/tasks?limit=1`)).status === 401;
}

async function shootKeyPrompt(browser, size, realAuth) {
  const context = await browser.newContext(contextOptions(size));
  const page = await context.newPage();
  if (!realAuth) {
    // Auth is off here: answer as an orchestrator with auth on would.
    await page.route(/\/api\//, (route) =>
      route.fulfill({
        status: 401,
        contentType: "application/json",
        headers: { "www-authenticate": "Bearer" },
        body: JSON.stringify({
          error: { code: "unauthorized", message: "Send an API key as 'Authorization: Bearer <key>'.", details: {} },
        }),
      }),
    );
  }
  await page.goto(`${base}/#/tasks`);
  await page.getByRole("heading", { name: "API key needed" }).waitFor({ timeout: 10_000 });
  const file = path.join(out, `key-prompt-${size.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await context.close();
}

function contextOptions(size) {
  return {
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.deviceScaleFactor,
    isMobile: size.isMobile,
    hasTouch: size.isMobile,
    reducedMotion: "reduce",
  };
}

async function main() {
  const realAuth = await authEnabled();
  await seed();
  const workflow = await seedWorkflow();
  const { task, session } = await pick();
  const pages = [
    ["tasks", "#/tasks"],
    ["new-task", "#/tasks/new"],
    ...(task ? [["task", `#/tasks/${task}`]] : []),
    ["agents", "#/agents"],
    ["sessions", "#/sessions"],
    ...(session ? [["session", `#/sessions/${session}`]] : []),
    ["workflows", "#/workflows"],
    ["workflow", `#/workflows/${workflow}`],
    ["workflow-run", `#/workflows/${workflow}/run`],
    ["workflow-edit", `#/workflows/${workflow}/edit`],
  ];
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    for (const size of SIZES) {
      const context = await browser.newContext(contextOptions(size));
      if (key) await context.addInitScript((value) => sessionStorage.setItem("orchestra.apiKey", value), key);
      const page = await context.newPage();
      for (const [name, hash] of pages) {
        await page.goto(`${base}/${hash}`);
        await page.waitForLoadState("networkidle").catch(() => {});
        await page.locator(".state-loading").first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => {});
        if (name === "task" || name === "workflow") await page.locator(".graph-node").first().waitFor({ timeout: 10_000 });
        await page.waitForTimeout(400); // let the graph fit its view
        const file = path.join(out, `${name}-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
      await shootKeyPrompt(browser, size, realAuth);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
