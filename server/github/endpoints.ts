// Where GitHub lives: github.com, or a GitHub Enterprise Server (the local simulator presents itself as
// one), whose REST API is under /api/v3 and whose OAuth endpoints sit at the web root.
export interface GitHubEndpoints {
  web: string;
  api: string;
  authorize: string;
  accessToken: string;
}

export function githubEndpoints(githubUrl: string): GitHubEndpoints {
  const web = githubUrl.replace(/\/+$/, "");
  const host = new URL(web).hostname;
  const api = host === "github.com" || host === "www.github.com" ? "https://api.github.com" : `${web}/api/v3`;
  return {
    web,
    api,
    authorize: `${web}/login/oauth/authorize`,
    accessToken: `${web}/login/oauth/access_token`,
  };
}
