import { describe, expect, it } from "vitest";
import { parseEnv } from "../server/env";
import { launchSettings } from "./launch-settings";

describe("npm run dev settings", () => {
  it("takes PORT, and the --port flag over it", () => {
    expect(launchSettings(parseEnv({ PORT: "4123" }), []).port).toBe(4123);
    expect(launchSettings(parseEnv({ PORT: "4123" }), ["--port=4999"]).port).toBe(4999);
    expect(launchSettings(parseEnv({}), []).port).toBe(3000);
    expect(() => launchSettings(parseEnv({}), ["--port=abc"])).toThrow(/--port/);
  });

  it("listens on loopback unless HOST says otherwise, with Next's telemetry off", () => {
    const local = launchSettings(parseEnv({ PORT: "4123" }), []);
    expect(local.nextArgs).toEqual(["dev", "--port", "4123", "--hostname", "127.0.0.1"]);
    expect(local.nextEnv.NEXT_TELEMETRY_DISABLED).toBe("1");
    const everywhere = launchSettings(parseEnv({ PORT: "4123", HOST: "0.0.0.0" }), []);
    expect(everywhere.nextArgs).toContain("0.0.0.0");
    expect(everywhere.localUrl).toBe("http://127.0.0.1:4123");
  });

  it("calls itself by one URL, used for sign-in and webhooks alike", () => {
    const s = launchSettings(parseEnv({ PORT: "4123" }), []);
    expect(s.appUrl).toBe("http://localhost:4123");
    expect(s.nextEnv).toMatchObject({ NEXTAUTH_URL: "http://localhost:4123", APP_URL: "http://localhost:4123" });
    expect(launchSettings(parseEnv({ APP_URL: "https://infraflow.example.com/" }), []).appUrl).toBe("https://infraflow.example.com");
    expect(launchSettings(parseEnv({ HOST: "192.168.1.20", PORT: "4123" }), []).appUrl).toBe("http://192.168.1.20:4123");
  });
});
