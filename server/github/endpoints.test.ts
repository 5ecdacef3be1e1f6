import { describe, expect, it } from "vitest";
import { githubEndpoints } from "./endpoints";

describe("githubEndpoints", () => {
  it("uses api.github.com for github.com", () => {
    expect(githubEndpoints("https://github.com/")).toEqual({
      web: "https://github.com",
      api: "https://api.github.com",
      authorize: "https://github.com/login/oauth/authorize",
      accessToken: "https://github.com/login/oauth/access_token",
    });
  });

  it("uses /api/v3 on a GitHub Enterprise Server", () => {
    const e = githubEndpoints("http://127.0.0.1:4100");
    expect(e.api).toBe("http://127.0.0.1:4100/api/v3");
    expect(e.authorize).toBe("http://127.0.0.1:4100/login/oauth/authorize");
  });
});
