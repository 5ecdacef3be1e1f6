// Command line of the local GitHub simulator.
//   github-sim [--port 0] [--data .data/github-sim] [--host 127.0.0.1] [--no-seed] [--auto-approve]
//       starts it; the first line printed is its base URL, once it is ready.
//   github-sim scenario <name> --url <base URL> [--repo owner/name]   breaks a demo repository
//   github-sim scenarios --url <base URL>                               lists the scenarios
import { parseArgs } from "node:util";
import { startGitHubSimulator } from "./index";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string", default: "0" },
      data: { type: "string", default: ".data/github-sim" },
      host: { type: "string", default: "127.0.0.1" },
      url: { type: "string" },
      repo: { type: "string" },
      "no-seed": { type: "boolean", default: false },
      "auto-approve": { type: "boolean", default: false },
    },
  });
  const [command = "serve", name] = positionals;
  if (command === "scenario" || command === "scenarios") {
    if (!values.url) return fail("--url <simulator base URL> is required");
    const endpoint = command === "scenarios" ? `${values.url}/_admin/scenarios` : `${values.url}/_admin/scenarios/${encodeURIComponent(name ?? "")}`;
    const response = await fetch(endpoint, {
      method: command === "scenarios" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      ...(command === "scenario" ? { body: JSON.stringify(values.repo ? { repository: values.repo } : {}) } : {}),
    });
    console.log(JSON.stringify(await response.json(), null, 2));
    return response.ok ? 0 : 1;
  }
  if (command !== "serve") return fail(`unknown command ${command}`);
  const sim = await startGitHubSimulator({
    port: Number(values.port),
    host: values.host,
    dataDir: values.data!,
    autoApproveOAuth: values["auto-approve"],
  });
  const seed = values["no-seed"] ? undefined : await sim.seedDemo();
  console.log(sim.url);
  if (seed) {
    console.log(`API: ${sim.apiUrl}`);
    console.log(`demo user: ${seed.user.login}  token: ${seed.token}`);
    console.log(`OAuth app: client id ${seed.oauthApp.clientId}  secret ${seed.oauthApp.clientSecret}`);
    console.log(`repositories: ${seed.repositories.map((r) => r.fullName).join(", ")}`);
    console.log(`break one: npm run github-sim -- scenario failing-test --url ${sim.url}`);
  }
  const shutdown = async () => {
    await sim.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return new Promise<number>(() => undefined);
}

function fail(message: string): number {
  console.error(`github-sim: ${message}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
