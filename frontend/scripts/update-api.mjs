#!/usr/bin/env node
// Refresh the committed copy of the orchestrator's OpenAPI schema and the types made from it:
//   node scripts/update-api.mjs [ORCHESTRATOR_URL]     (default http://127.0.0.1:8000)
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const base = (process.argv[2] ?? process.env.ORCHESTRA_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const root = fileURLToPath(new URL("..", import.meta.url));
const response = await fetch(`${base}/openapi.json`);
if (!response.ok) throw new Error(`GET ${base}/openapi.json answered HTTP ${response.status}`);
await writeFile(`${root}openapi.json`, JSON.stringify(await response.json(), null, 2) + "\n");
execFileSync("npx", ["openapi-typescript", "openapi.json", "-o", "src/api/schema.d.ts"], { cwd: root, stdio: "inherit" });
console.log("openapi.json and src/api/schema.d.ts updated; run `npm run typecheck` to see what changed for the client.");
