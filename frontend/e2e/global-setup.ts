/**
 * Starts a real Orchestra for the e2e tests: `orchestra up` (orchestrator serving the built
 * dashboard, research and analyst agents) on free loopback ports with a temporary DATA_DIR,
 * plus a slow A2A agent (the backend's test agent) to register, cancel against and remove.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { STACK_FILE_ENV, type Stack } from "./stack";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const orchestra = path.join(repo, ".venv/bin/orchestra");
const python = path.join(repo, ".venv/bin/python");

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

function tail(log: string): string {
  const text = existsSync(log) ? readFileSync(log, "utf8") : "";
  return text.split("\n").slice(-30).join("\n");
}

function started(child: ChildProcess, name: string, log: string, ready: () => Promise<boolean>, seconds: number) {
  return new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + seconds * 1000;
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${tail(log)}`)));
    const poll = async () => {
      if (await ready().catch(() => false)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${name} was not ready within ${seconds} s:\n${tail(log)}`));
      setTimeout(() => void poll(), 250);
    };
    void poll();
  });
}

async function agentsRegistered(url: string): Promise<boolean> {
  const response = await fetch(`${url}/api/agents`);
  if (!response.ok) return false;
  const body = (await response.json()) as { items: unknown[] };
  return body.items.length >= 2;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "orchestra-e2e-"));
  const [port, research, analyst, slow] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    RESEARCH_AGENT_PORT: String(research),
    ANALYST_AGENT_PORT: String(analyst),
    FRONTEND_DIR: path.join(repo, "frontend/dist"),
    LLM_PROVIDER: "offline",
    DATABASE_URL: "", // SQLite in DATA_DIR, whatever a local .env says
  };

  const upLog = path.join(dataDir, "orchestra-up.log");
  const up = spawn(orchestra, ["up"], { cwd: repo, env, detached: true, stdio: ["ignore", openSync(upLog, "a"), openSync(upLog, "a")] });
  const slowLog = path.join(dataDir, "slow-agent.log");
  const slowAgent = spawn(
    python,
    ["-m", "tests.support.slow_agent", String(slow), "E2E Slow Agent", "30", path.join(dataDir, "slow-calls.txt"), "", "wait-a"],
    { cwd: path.join(repo, "backend"), env, detached: true, stdio: ["ignore", openSync(slowLog, "a"), openSync(slowLog, "a")] },
  );
  const state: Stack = {
    url,
    slowAgentUrl: `http://127.0.0.1:${slow}`,
    slowAgentName: "E2E Slow Agent",
    dataDir,
    pids: [up.pid!, slowAgent.pid!],
  };
  const stackFile = path.join(dataDir, "stack.json");
  writeFileSync(stackFile, JSON.stringify(state));
  process.env[STACK_FILE_ENV] = stackFile;

  await Promise.all([
    started(up, "orchestra up", upLog, () => agentsRegistered(url), 120),
    started(slowAgent, "the slow agent", slowLog, async () => (await fetch(`${state.slowAgentUrl}/.well-known/agent-card.json`)).ok, 60),
  ]);
  up.removeAllListeners("exit");
  slowAgent.removeAllListeners("exit");
  up.unref();
  slowAgent.unref();
}
