/**
 * Starts a real Orchestra for the e2e tests: `orchestra up` (orchestrator serving the built
 * dashboard, research and analyst agents) on free loopback ports with a temporary DATA_DIR,
 * plus a slow A2A agent (the backend's test agent) to register, cancel against and remove, and a
 * second orchestrator alone with AUTH_ENABLED=true (its own DATA_DIR) and a `user` key for it.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

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

/** `orchestra keys create`: the key is the last line it prints. */
async function createKey(env: NodeJS.ProcessEnv, role: "admin" | "user", name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(orchestra, ["keys", "create", "--role", role, "--name", name], { cwd: repo, env });
  const key = stdout.trim().split("\n").at(-1)?.trim();
  if (!key) throw new Error(`orchestra keys create printed no key:\n${stdout}`);
  return key;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "orchestra-e2e-"));
  const [port, research, analyst, slow, authPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
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
  const authDir = path.join(dataDir, "auth");
  mkdirSync(authDir);
  const authEnv = { ...env, DATA_DIR: authDir, AUTH_ENABLED: "true" };
  const authLog = path.join(authDir, "orchestrator.log");
  const authOrchestrator = spawn(orchestra, ["serve", "orchestrator", "--host", "127.0.0.1", "--port", String(authPort)], {
    cwd: repo,
    env: authEnv,
    detached: true,
    stdio: ["ignore", openSync(authLog, "a"), openSync(authLog, "a")],
  });
  const authUrl = `http://127.0.0.1:${authPort}`;
  const state: Stack = {
    url,
    slowAgentUrl: `http://127.0.0.1:${slow}`,
    slowAgentName: "E2E Slow Agent",
    authUrl,
    authUserKey: "",
    dataDir,
    pids: [up.pid!, slowAgent.pid!, authOrchestrator.pid!],
  };
  const stackFile = path.join(dataDir, "stack.json");
  writeFileSync(stackFile, JSON.stringify(state));
  process.env[STACK_FILE_ENV] = stackFile;

  await Promise.all([
    started(up, "orchestra up", upLog, () => agentsRegistered(url), 120),
    started(slowAgent, "the slow agent", slowLog, async () => (await fetch(`${state.slowAgentUrl}/.well-known/agent-card.json`)).ok, 60),
    started(authOrchestrator, "the orchestrator with auth", authLog, async () => (await fetch(`${authUrl}/health`)).ok, 90).then(
      async () => {
        // Keys go in its database, which it has created (and migrated) once it answers.
        state.authUserKey = await createKey(authEnv, "user", "e2e user");
      },
    ),
  ]);
  writeFileSync(stackFile, JSON.stringify(state));
  for (const child of [up, slowAgent, authOrchestrator]) {
    child.removeAllListeners("exit");
    child.unref();
  }
}
