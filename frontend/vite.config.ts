/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` serves the dashboard on :5173 and forwards API calls to an orchestrator
// (ORCHESTRA_URL, default the one `./run` starts).
const api = process.env.ORCHESTRA_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  base: "./",
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/openapi.json": api,
      "/docs": api,
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    css: false,
    // A test ends as soon as what it waits for appears; on a shared, busy machine rendering
    // a page took longer than the 5 s default, which failed tests that were right.
    testTimeout: 20_000,
  },
});
