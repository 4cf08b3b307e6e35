import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

import { resetAuth } from "../api/auth";

// jsdom lacks what React Flow measures with.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
if (typeof DOMMatrixReadOnly === "undefined") {
  (globalThis as Record<string, unknown>).DOMMatrixReadOnly = class {
    m22 = 1;
  };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
  resetAuth();
});
