import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api } from "../api/client";
import { makeHook, makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { Webhook } from "./Webhook";

function show() {
  return renderAt("/workflows/w1", "/workflows/:workflowId", <Webhook workflow={makeWorkflow()} />);
}

const secret = (signed: boolean) => ({
  ...makeHook({ signed }),
  url: "/api/hooks/whk_ab12secret",
  token: "whk_ab12secret",
  signing_secret: signed ? "sign-me" : null,
});

describe("Webhook", () => {
  it("makes a signed hook and shows its URL, secret and an example curl once", async () => {
    vi.spyOn(api, "getHook").mockResolvedValueOnce(null).mockResolvedValue(makeHook({ signed: true }));
    const rotate = vi.spyOn(api, "rotateHook").mockResolvedValue(secret(true));
    show();
    expect(await screen.findByText(/No webhook/)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Signed deliveries only (HMAC-SHA256)"));
    await userEvent.click(screen.getByRole("button", { name: "Make webhook" }));
    expect(rotate).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", true);
    const shown = await screen.findByRole("region", { name: "New webhook" });
    expect(within(shown).getByTestId("hook-url")).toHaveTextContent(`${window.location.origin}/api/hooks/whk_ab12secret`);
    expect(within(shown).getByTestId("hook-signing-secret")).toHaveTextContent("sign-me");
    const curl = within(shown).getByLabelText("Example curl");
    expect(curl).toHaveTextContent("SECRET='sign-me'");
    expect(curl).toHaveTextContent("X-Orchestra-Signature: sha256=$sig");
    // The example's body: the inputs' defaults.
    expect(curl).toHaveTextContent(`body='{"threshold":10,"rounded":true}'`);
    expect(shown).toHaveTextContent("add numbers, unit, required");
    expect(await screen.findByText(/signed deliveries only/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Rotate webhook" })).toBeInTheDocument();
  });

  it("shows a hook without its secrets, rotates it and deletes it after asking", async () => {
    vi.spyOn(api, "getHook").mockResolvedValue(makeHook());
    const rotate = vi.spyOn(api, "rotateHook").mockResolvedValue(secret(false));
    const remove = vi.spyOn(api, "deleteHook").mockResolvedValue();
    show();
    expect(await screen.findByText("whk_ab12…")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "New webhook" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Rotate webhook" }));
    expect(rotate).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", false);
    const curl = within(await screen.findByRole("region", { name: "New webhook" })).getByLabelText("Example curl");
    expect(curl).not.toHaveTextContent("Signature");
    await userEvent.click(screen.getByRole("button", { name: "Delete webhook…" }));
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Delete webhook" }));
    expect(remove).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb");
    expect(screen.queryByRole("region", { name: "New webhook" })).not.toBeInTheDocument();
  });
});
