import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { authState } from "../api/auth";
import { api, ApiError } from "../api/client";
import { makeAgent, makeModels } from "../test/fixtures";
import { renderAt } from "../test/render";
import { AgentsPage } from "./AgentsPage";

describe("AgentsPage", () => {
  beforeEach(() => {
    vi.spyOn(api, "listModels").mockResolvedValue(makeModels());
  });

  it("lists the model profiles with prices, usage and each host's health", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([]);
    renderAt("/agents", "/agents", <AgentsPage />);
    const section = within(await screen.findByRole("region", { name: "Models" }));
    const smart = section.getByRole("row", { name: /^smart/ });
    expect(smart).toHaveTextContent("gpt-4o (openai)");
    expect(smart).toHaveTextContent("$2.5/M / $10/M");
    expect(smart).toHaveTextContent("1,200 / 300");
    expect(within(smart).getByRole("cell", { name: "$0.0060" })).toBeInTheDocument();
    const local = section.getByRole("row", { name: /^local/ });
    expect(local).toHaveTextContent("— / —"); // no prices: its cost is unknown, not free
    expect(within(local).getByRole("cell", { name: "unknown" })).toBeInTheDocument();
    const hosts = within(local).getAllByRole("listitem");
    expect(hosts[0]).toHaveTextContent(/gpu1:11434 up/);
    expect(hosts[1]).toHaveTextContent(/gpu2:11434 down last error: connection refused/);
    expect(section.getByText(/The planner uses/)).toHaveTextContent("The planner uses smart, the synthesis default");
  });

  it("shows agents with capabilities and instance health, load, latency and error rate", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([makeAgent()]);
    renderAt("/agents", "/agents", <AgentsPage />);
    const card = (await screen.findByRole("heading", { name: /Analyst Agent/ })).closest("article")!;
    const scope = within(card);
    expect(scope.getByText("statistics")).toBeInTheDocument();
    expect(scope.getByText("healthy")).toBeInTheDocument();
    expect(scope.getByText("170 ms")).toBeInTheDocument();
    expect(scope.getByRole("cell", { name: /^5.0 % \(2\)$/ })).toBeInTheDocument();
    expect(scope.getByRole("cell", { name: "2" })).toBeInTheDocument();
  });

  it("names the model each instance runs", async () => {
    const base = makeAgent().instances[0]!;
    const instances = [
      { ...base, model: { profile: "fast", provider: "groq", model: "llama-3.1-8b-instant" } },
      { ...base, id: "inst-2", url: "http://127.0.0.1:8003/", model: { profile: "default", provider: "offline", model: "" } },
    ];
    vi.spyOn(api, "listAgents").mockResolvedValue([makeAgent({ instances })]);
    renderAt("/agents", "/agents", <AgentsPage />);
    expect(await screen.findByText(/llama-3.1-8b-instant \(fast\)/)).toBeInTheDocument();
    expect(screen.getByText(/offline \(default\)/)).toBeInTheDocument();
  });

  it("shows each instance's share of the calls", async () => {
    const base = makeAgent().instances[0]!;
    const instances = [
      { ...base, calls: 30, share: 0.75 },
      { ...base, id: "inst-2", url: "http://127.0.0.1:8003/", calls: 10, share: 0.25 },
    ];
    vi.spyOn(api, "listAgents").mockResolvedValue([makeAgent({ instances })]);
    renderAt("/agents", "/agents", <AgentsPage />);
    expect(await screen.findByRole("cell", { name: "75 %" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "25 %" })).toBeInTheDocument();
  });

  it("chooses the agent's balancing strategy, and goes back to the default", async () => {
    const list = vi
      .spyOn(api, "listAgents")
      .mockResolvedValueOnce([makeAgent()])
      .mockResolvedValueOnce([makeAgent({ balancing: "round_robin", balancing_default: false })]);
    const set = vi.spyOn(api, "setBalancing").mockResolvedValue(makeAgent());
    renderAt("/agents", "/agents", <AgentsPage />);
    const select = await screen.findByLabelText("Balancing");
    expect(select).toHaveValue("default");
    expect(screen.getByRole("option", { name: "Default: Least loaded" })).toBeInTheDocument();
    await userEvent.selectOptions(select, "round_robin");
    expect(set).toHaveBeenCalledWith("agent-1", "round_robin");
    expect(await screen.findByDisplayValue("Round robin: each instance in turn")).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
    await userEvent.selectOptions(screen.getByLabelText("Balancing"), "default");
    expect(set).toHaveBeenLastCalledWith("agent-1", null);
  });

  it("says changing the balancing needs an admin key on a 403", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([makeAgent()]);
    vi.spyOn(api, "setBalancing").mockRejectedValue(new ApiError(403, "forbidden", "This needs an admin key."));
    renderAt("/agents", "/agents", <AgentsPage />);
    await userEvent.selectOptions(await screen.findByLabelText("Balancing"), "random");
    expect(await screen.findByRole("alert")).toHaveTextContent("Your API key may not change how agents balance");
  });

  it("registers an agent by its card URL", async () => {
    const list = vi.spyOn(api, "listAgents").mockResolvedValue([]);
    const register = vi.spyOn(api, "registerAgent").mockResolvedValue(makeAgent({ name: "Echo" }));
    renderAt("/agents", "/agents", <AgentsPage />);
    expect(await screen.findByText("No agent is registered.")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Agent card URL"), "http://127.0.0.1:9000");
    await userEvent.click(screen.getByRole("button", { name: "Register" }));
    expect(register).toHaveBeenCalledWith("http://127.0.0.1:9000");
    expect(await screen.findByText(/Registered Echo/)).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it("shows why a registration failed", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([]);
    vi.spyOn(api, "registerAgent").mockRejectedValue(
      new ApiError(422, "agent_card_unreachable", "Could not reach the agent card at http://x."),
    );
    renderAt("/agents", "/agents", <AgentsPage />);
    await userEvent.type(await screen.findByLabelText("Agent card URL"), "http://x");
    await userEvent.click(screen.getByRole("button", { name: "Register" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not reach the agent card");
  });

  it("removes an agent after a confirmation", async () => {
    const list = vi.spyOn(api, "listAgents").mockResolvedValueOnce([makeAgent()]).mockResolvedValue([]);
    const remove = vi.spyOn(api, "removeAgent").mockResolvedValue();
    renderAt("/agents", "/agents", <AgentsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Remove Analyst Agent…" }));
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Remove Analyst Agent" }));
    expect(remove).toHaveBeenCalledWith("agent-1");
    expect(await screen.findByText("No agent is registered.")).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it("says registering needs an admin key on a 403", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([]);
    vi.spyOn(api, "registerAgent").mockRejectedValue(new ApiError(403, "forbidden", "This needs an admin key."));
    renderAt("/agents", "/agents", <AgentsPage />);
    await userEvent.type(await screen.findByLabelText("Agent card URL"), "http://127.0.0.1:9000");
    await userEvent.click(screen.getByRole("button", { name: "Register" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Needs an admin key.");
    expect(alert).toHaveTextContent("may not register agents");
    await userEvent.click(within(alert).getByRole("button", { name: "Use an admin key" }));
    expect(authState().prompt).toEqual({ reason: "change" });
  });

  it("says removing needs an admin key on a 403", async () => {
    vi.spyOn(api, "listAgents").mockResolvedValue([makeAgent()]);
    vi.spyOn(api, "removeAgent").mockRejectedValue(new ApiError(403, "forbidden", "This needs an admin key."));
    renderAt("/agents", "/agents", <AgentsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Remove Analyst Agent…" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove Analyst Agent" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Needs an admin key. Your API key may not remove agents");
    expect(screen.getByRole("heading", { name: /Analyst Agent/ })).toBeInTheDocument();
  });
});
