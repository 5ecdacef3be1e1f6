// The decision buttons' contract without a browser: only the allowed decisions are offered, and without
// push access every button is disabled and points at the reason shown next to it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrpcReactProvider } from "@/components/trpc/client";
import { DecisionBar } from "./decision-bar";

function render(props: Parameters<typeof DecisionBar>[0]) {
  return renderToStaticMarkup(
    <TrpcReactProvider>
      <DecisionBar {...props} />
    </TrpcReactProvider>,
  );
}

const buttons = (html: string) => [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map(([, attrs, label]) => ({ label, disabled: / disabled=""/.test(attrs!), describedBy: /aria-describedby="([^"]+)"/.exec(attrs!)?.[1] ?? null }));

describe("DecisionBar", () => {
  it("offers the allowed decisions, enabled, to a user with push access", () => {
    const html = render({ sessionId: "1", allowed: ["approve", "reject", "recode"], canPush: true, blockedReason: null });
    expect(buttons(html)).toEqual([
      { label: "Approve", disabled: false, describedBy: null },
      { label: "Reject", disabled: false, describedBy: null },
      { label: "Re-code", disabled: false, describedBy: null },
    ]);
  });

  it("disables every button without push access and says why", () => {
    const reason = "You need push access to octo/app to approve, reject or re-code its fixes.";
    const html = render({ sessionId: "1", allowed: ["approve", "reject", "recode"], canPush: false, blockedReason: reason });
    expect(buttons(html).map((b) => [b.label, b.disabled, b.describedBy])).toEqual([
      ["Approve", true, "decision-blocked"],
      ["Reject", true, "decision-blocked"],
      ["Re-code", true, "decision-blocked"],
    ]);
    expect(html).toContain(`<p id="decision-blocked"`);
    expect(html).toContain(reason);
  });

  it("shows only re-code on a rejected session, and no button when no decision is open", () => {
    expect(buttons(render({ sessionId: "1", allowed: ["recode"], canPush: true, blockedReason: null })).map((b) => b.label)).toEqual(["Re-code"]);
    const none = render({ sessionId: "1", allowed: [], canPush: true, blockedReason: null });
    expect(buttons(none)).toEqual([]);
    expect(none).toContain("No decision is open");
  });
});
