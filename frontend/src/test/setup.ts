import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
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

// `findBy…` and `waitFor` give up after this long (1 s by default): they return as soon as
// the element appears, so a longer bound costs nothing unless the test fails anyway.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
  resetAuth();
});
