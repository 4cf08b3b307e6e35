import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeSchedule, makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { Schedules } from "./Schedules";

function show() {
  return renderAt("/workflows/w1", "/workflows/:workflowId", <Schedules workflow={makeWorkflow()} />);
}

describe("Schedules", () => {
  it("lists each schedule with its next runs, last run and policies", async () => {
    vi.spyOn(api, "listSchedules").mockResolvedValue({
      items: [
        makeSchedule({ last_task_id: "t9zzzzzzzzzzzzzzzz", last_fire_at: "2026-01-02T08:30:00.000Z", skipped: 2, overlap: "queue" }),
        makeSchedule({ id: "sch2", cron: "@daily", paused: true, next_fire_at: null, last_error: "inputs.numbers: required" }),
      ],
    });
    show();
    const first = await screen.findByRole("listitem", { name: "schedule 30 9 * * 1-5" });
    expect(within(first).getByText("Active")).toBeInTheDocument();
    expect(within(first).getByText("Europe/Paris")).toBeInTheDocument();
    expect(within(first).getByText('{"numbers":[3,5,10]}')).toBeInTheDocument();
    expect(within(first).getByText("run anyway")).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: /^t9zzzzzz/ })).toHaveAttribute("href", "/tasks/t9zzzzzzzzzzzzzzzz");
    const next = within(first).getByRole("list", { name: "Next runs of schedule 30 9 * * 1-5" });
    expect(within(next).getAllByRole("listitem")).toHaveLength(5);
    expect(within(next).getAllByRole("listitem")[0]!.querySelector("time")).toHaveAttribute("dateTime", "2026-01-05T08:30:00.000Z");
    const paused = screen.getByRole("listitem", { name: "schedule @daily" });
    expect(within(paused).getByText("Paused")).toBeInTheDocument();
    expect(within(paused).getByText(/inputs.numbers: required/)).toBeInTheDocument();
    expect(within(paused).getByRole("button", { name: "Resume" })).toBeInTheDocument();
  });

  it("pauses, resumes and deletes after asking", async () => {
    const list = vi.spyOn(api, "listSchedules").mockResolvedValue({ items: [makeSchedule()] });
    const pause = vi.spyOn(api, "pauseSchedule").mockResolvedValue(makeSchedule({ paused: true }));
    const remove = vi.spyOn(api, "deleteSchedule").mockResolvedValue();
    show();
    const row = await screen.findByRole("listitem", { name: "schedule 30 9 * * 1-5" });
    await userEvent.click(within(row).getByRole("button", { name: "Pause" }));
    expect(pause).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", "sch1cccccccccccccccc");
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2)); // read again
    await userEvent.click(within(row).getByRole("button", { name: "Delete schedule 30 9 * * 1-5…" }));
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(within(row).getByRole("button", { name: "Delete schedule" }));
    expect(remove).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", "sch1cccccccccccccccc");
  });

  it("makes a schedule from cron, time zone, inputs and policies", async () => {
    vi.spyOn(api, "listSchedules").mockResolvedValue({ items: [] });
    const create = vi.spyOn(api, "createSchedule").mockResolvedValue(makeSchedule({ cron: "0 6 * * *", timezone: "Asia/Tokyo" }));
    show();
    const form = await screen.findByRole("form", { name: "New schedule" });
    // Typed at once: the zone field suggests every zone the browser knows, slow to type into in jsdom.
    fireEvent.change(within(form).getByLabelText("Cron"), { target: { value: "0 6 * * *" } });
    fireEvent.change(within(form).getByLabelText("Time zone"), { target: { value: "Asia/Tokyo" } });
    fireEvent.change(within(form).getByLabelText("Inputs (JSON)"), { target: { value: '{"numbers": [1, 2]}' } });
    await userEvent.selectOptions(within(form).getByLabelText("Times missed while stopped"), "run_once");
    await userEvent.selectOptions(within(form).getByLabelText("A time while the last run goes on"), "queue");
    expect(within(form).getByText("numbers")).toBeInTheDocument(); // the inputs it can give
    await userEvent.click(within(form).getByRole("button", { name: "Make schedule" }));
    expect(create).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", {
      cron: "0 6 * * *",
      timezone: "Asia/Tokyo",
      inputs: { numbers: [1, 2] },
      catch_up: "run_once",
      overlap: "queue",
    });
    expect(await screen.findByText(/made; it next runs/)).toHaveTextContent("Schedule 0 6 * * * made; it next runs");
  });

  it("shows the server's problems under the fields they name, and bad JSON before sending", async () => {
    vi.spyOn(api, "listSchedules").mockResolvedValue({ items: [] });
    const create = vi.spyOn(api, "createSchedule").mockRejectedValue(
      new ApiError(422, "invalid_schedule", "The schedule is invalid", {
        errors: [{ field: "cron", problem: "Exactly 5, 6 or 7 columns has to be specified" }],
      }),
    );
    show();
    const form = await screen.findByRole("form", { name: "New schedule" });
    const inputs = within(form).getByLabelText("Inputs (JSON)");
    await userEvent.type(within(form).getByLabelText("Cron"), "every day");
    await userEvent.clear(inputs);
    await userEvent.type(inputs, "{{nope");
    await userEvent.click(within(form).getByRole("button", { name: "Make schedule" }));
    expect(create).not.toHaveBeenCalled();
    expect(inputs).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText(/not JSON/)).toBeInTheDocument();
    await userEvent.clear(inputs);
    await userEvent.type(inputs, "{{}");
    await userEvent.click(within(form).getByRole("button", { name: "Make schedule" }));
    expect(await within(form).findByText("Exactly 5, 6 or 7 columns has to be specified")).toBeInTheDocument();
    expect(within(form).getByLabelText("Cron")).toHaveAttribute("aria-invalid", "true");
  });
});
