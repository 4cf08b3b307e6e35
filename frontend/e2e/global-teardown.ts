/** Stops what global-setup.ts started (each process group, gently first) and removes its data. */
import { rmSync } from "node:fs";

import { stack } from "./stack";

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const { pids, dataDir } = stack();
  for (const pid of pids) if (alive(pid)) process.kill(-pid, "SIGINT");
  const deadline = Date.now() + 15_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  for (const pid of pids) if (alive(pid)) process.kill(-pid, "SIGKILL");
  if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
}
