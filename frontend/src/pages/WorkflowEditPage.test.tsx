import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { STARTER, WorkflowEditPage } from "./WorkflowEditPage";

function type(text: string) {
  // fireEvent: userEvent.type reads braces as key names.
  fireEvent.change(screen.getByLabelText(/^Definition/), { target: { value: text } });
}

const BROKEN = `name: Broken
steps:
  - id: s1
    title: Statistics
    capability: statistic
    instruction: Compute the mean
`;

describe("WorkflowEditPage", () => {
  it("creates a workflow from YAML and goes to its page", async () => {
    const create = vi.spyOn(api, "createWorkflow").mockResolvedValue(makeWorkflow({ id: "new1", version: 1 }));
    renderAt("/workflows/new", "/workflows/new", <WorkflowEditPage />);
    expect(screen.getByLabelText(/^Definition \(YAML\)/)).toHaveValue(STARTER);
    await userEvent.click(screen.getByRole("button", { name: "Save workflow" }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ name: "Numbers report", outputs: { mean: "steps.s1.data.mean", doubled: "steps.s2.data.result" } }));
    expect(create.mock.calls[0]![0].steps[1]).toMatchObject({ id: "s2", depends_on: ["s1"], condition: "steps.s1.data.mean > inputs.threshold" });
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/workflows/new1");
  });

  it("takes JSON too", async () => {
    const create = vi.spyOn(api, "createWorkflow").mockResolvedValue(makeWorkflow());
    renderAt("/workflows/new", "/workflows/new", <WorkflowEditPage />);
    type('{"name": "J", "steps": [{"id": "s1", "title": "T", "capability": "statistics", "instruction": "x"}]}');
    expect(screen.getByLabelText(/^Definition \(JSON\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save workflow" }));
    expect(create).toHaveBeenCalledWith({ name: "J", steps: [{ id: "s1", title: "T", capability: "statistics", instruction: "x" }] });
  });

  it("shows a syntax error with its line and sends nothing", async () => {
    const create = vi.spyOn(api, "createWorkflow");
    renderAt("/workflows/new", "/workflows/new", <WorkflowEditPage />);
    type("name: x\nsteps:\n  - id: s1\n   title: y\n");
    await userEvent.click(screen.getByRole("button", { name: "Save workflow" }));
    expect(create).not.toHaveBeenCalled();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(/Line 4.*Cannot read the definition/);
    expect(document.querySelectorAll(".backdrop-line.problem")).toHaveLength(1);
  });

  it("shows the server's problems by line, and those it cannot place by path", async () => {
    vi.spyOn(api, "createWorkflow").mockRejectedValue(
      new ApiError(422, "invalid_workflow", "The workflow is invalid", {
        errors: [
          { field: "steps.0.capability", problem: "Step 's1' needs unknown capability 'statistic'" },
          { field: "outputs.mean", problem: "points nowhere" },
        ],
      }),
    );
    renderAt("/workflows/new", "/workflows/new", <WorkflowEditPage />);
    type(BROKEN);
    await userEvent.click(screen.getByRole("button", { name: "Save workflow" }));
    expect(await screen.findByText("Not saved: 2 problems, marked in the text and listed below.")).toBeInTheDocument();
    const problems = within(screen.getByRole("list", { name: "Problems" })).getAllByRole("listitem");
    expect(problems[0]).toHaveTextContent("Line 5 steps.0.capability: Step 's1' needs unknown capability 'statistic'");
    expect(problems[1]).toHaveTextContent("outputs.mean: points nowhere");
    expect(within(problems[1]!).queryByRole("button")).toBeNull();
    // Line 5 is marked in the editor, and the problem's button selects it.
    const marked = [...document.querySelectorAll(".gutter-line.problem")].map((line) => line.textContent);
    expect(marked).toEqual(["● 5"]);
    // ...and the problem is written after the line itself.
    expect(document.querySelector(".backdrop-line.problem")).toHaveTextContent(
      "capability: statistic steps.0.capability: Step 's1' needs unknown capability 'statistic'",
    );
    await userEvent.click(within(problems[0]!).getByRole("button", { name: "Line 5" }));
    const area = screen.getByLabelText(/^Definition/) as HTMLTextAreaElement;
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe("    capability: statistic");
  });

  it("saves an existing workflow as its next version", async () => {
    vi.spyOn(api, "getWorkflow").mockResolvedValue(makeWorkflow());
    const update = vi.spyOn(api, "updateWorkflow").mockResolvedValue(makeWorkflow({ version: 3 }));
    renderAt("/workflows/w1/edit", "/workflows/:workflowId/edit", <WorkflowEditPage />);
    const area = await screen.findByLabelText(/^Definition \(YAML\)/);
    expect((area as HTMLTextAreaElement).value).toContain("name: Numbers report");
    expect((area as HTMLTextAreaElement).value).not.toContain("owner");
    // Only what was written: not the defaults the API fills in.
    expect((area as HTMLTextAreaElement).value).not.toMatch(/condition: null|when_skipped|expected_output/);
    expect((area as HTMLTextAreaElement).value).toContain("condition: steps.s1.data.mean > inputs.threshold");
    type((area as HTMLTextAreaElement).value.replace("name: Numbers report", "name: Numbers report 2"));
    await userEvent.click(screen.getByRole("button", { name: "Save version 3" }));
    expect(update).toHaveBeenCalledWith("w1", expect.objectContaining({ name: "Numbers report 2" }));
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/workflows/w1bbbbbbbbbbbbbbbb");
  });

  it("converts the text between YAML and JSON", async () => {
    renderAt("/workflows/new", "/workflows/new", <WorkflowEditPage />);
    await userEvent.click(screen.getByRole("button", { name: "As JSON" }));
    const area = screen.getByLabelText(/^Definition \(JSON\)/) as HTMLTextAreaElement;
    expect(JSON.parse(area.value)).toMatchObject({ name: "Numbers report", outputs: { mean: "steps.s1.data.mean" } });
  });
});
