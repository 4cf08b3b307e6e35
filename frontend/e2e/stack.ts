/** Where the stack started by global-setup.ts is, for the tests (passed through the environment). */
import { readFileSync } from "node:fs";

export interface Stack {
  /** The orchestrator (API and dashboard), e.g. http://127.0.0.1:40123 */
  url: string;
  /** An extra A2A agent with slow capabilities (`wait-a`), not registered at start. */
  slowAgentUrl: string;
  slowAgentName: string;
  /** A second orchestrator alone, with AUTH_ENABLED=true (dashboard and API). */
  authUrl: string;
  /** A `user` key for it, made with `orchestra keys create`. */
  authUserKey: string;
  dataDir: string;
  pids: number[];
}

export const STACK_FILE_ENV = "ORCHESTRA_E2E_STACK";

export function stack(): Stack {
  const file = process.env[STACK_FILE_ENV];
  if (!file) throw new Error("The e2e stack is not running: run the tests with `npx playwright test`.");
  return JSON.parse(readFileSync(file, "utf8")) as Stack;
}
