import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeTask, makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { WorkflowRunPage } from "./WorkflowRunPage";

function show() {
  return renderAt("/workflows/w1/run", "/workflows/:workflowId/run", <WorkflowRunPage />);
}

describe("WorkflowRunPage", () => {
  beforeEach(() => {
    vi.spyOn(api, "getWorkflow").mockResolvedValue(makeWorkflow());
  });

  it("makes a field of each input: types, required, defaults, choices, descriptions", async () => {
    show();
    const numbers = await screen.findByLabelText(/^numbers/);
    expect(numbers).toHaveAttribute("aria-required", "true");
    expect(numbers).toHaveAccessibleDescription(/The numbers to average\..*Numbers, separated by commas/);
    expect(screen.getByLabelText(/^threshold/)).toHaveValue("10");
    const unit = screen.getByLabelText(/^unit/);
    expect(unit.tagName).toBe("SELECT");
    expect(unit).toHaveAccessibleDescription(/The unit of the numbers\./);
    expect([...unit.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Choose…", "m", "km"]);
    expect(screen.getByLabelText(/^rounded/)).toBeChecked();
    // A title labels the field; the input's name follows.
    expect(screen.getByLabelText(/^Label of the report/)).toHaveAttribute("aria-required", "false");
  });

  it("starts a run with typed inputs and goes to its task page", async () => {
    const run = vi.spyOn(api, "runWorkflow").mockResolvedValue(makeTask({ id: "run1" }));
    show();
    await userEvent.type(await screen.findByLabelText(/^numbers/), "3, 5 10");
    await userEvent.selectOptions(screen.getByLabelText(/^unit/), "km");
    await userEvent.click(screen.getByLabelText(/^rounded/));
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    // Left empty: left out, so the server applies the default or says it is required.
    expect(run).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", {
      inputs: { numbers: [3, 5, 10], threshold: 10, unit: "km", rounded: false },
    });
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/tasks/run1");
  });

  it("says what is wrong before sending", async () => {
    const run = vi.spyOn(api, "runWorkflow");
    show();
    await userEvent.type(await screen.findByLabelText(/^numbers/), "3, five");
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(run).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^numbers/)).toHaveAccessibleDescription(/"five" is not a number\./);
    expect(screen.getByLabelText(/^unit/)).toHaveAccessibleDescription(/Required\./);
    expect(screen.getByLabelText(/^numbers/)).toHaveFocus();
  });

  it("shows the server's problems next to the fields they name", async () => {
    vi.spyOn(api, "runWorkflow").mockRejectedValue(
      new ApiError(422, "invalid_inputs", "The inputs are invalid", {
        errors: [
          { field: "inputs.numbers", problem: "[3] is too short" },
          { field: "inputs.threshold", problem: "-1 is less than the minimum of 0" },
          { field: "inputs", problem: "names step 's9'" },
        ],
      }),
    );
    show();
    await userEvent.type(await screen.findByLabelText(/^numbers/), "3");
    await userEvent.selectOptions(screen.getByLabelText(/^unit/), "m");
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    const numbers = screen.getByLabelText(/^numbers/);
    expect(await screen.findByText("[3] is too short")).toBeInTheDocument();
    expect(numbers).toHaveAccessibleDescription(/\[3\] is too short/);
    expect(numbers).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/^threshold/)).toHaveAccessibleDescription(/-1 is less than the minimum of 0/);
    expect(screen.getByRole("alert")).toHaveTextContent("inputs: names step 's9'");
    expect(screen.getByTestId("location")).toHaveTextContent("/workflows/w1/run");
  });
});
