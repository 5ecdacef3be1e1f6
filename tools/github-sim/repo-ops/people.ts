// Users, private repositories, collaborators and organisation roles, for tests of who may see what.
import { findRepo, userByLogin, type SimContext } from "../core/context";
import type { PeopleOptions } from "../core/controller";
import { ensureToken, ensureUser } from "../demo/seed-demo";
import { createRepository } from "./create-repository";

export function peopleOperations(ctx: SimContext): PeopleOptions {
  const user = (login: string) => {
    const u = userByLogin(ctx, login);
    if (!u) throw new Error(`no user ${login}`);
    return u;
  };
  const repository = (fullName: string) => {
    const [owner, name] = fullName.split("/");
    const repo = findRepo(ctx, owner ?? "", name ?? "");
    if (!repo) throw new Error(`no repository ${fullName}`);
    return repo;
  };
  return {
    async createUser({ login, name }) {
      const u = ensureUser(ctx, { login, name: name ?? login, email: `${login}@infraflow.local`, type: "User", members: [] });
      const token = ensureToken(ctx, u);
      await ctx.store.flush();
      return { login: u.login, token };
    },
    async createRepository({ owner, name, private: isPrivate }) {
      const ownerUser = user(owner);
      const existing = findRepo(ctx, owner, name);
      const repo = existing ?? (await createRepository(ctx, { owner: ownerUser, actor: ownerUser, name, private: isPrivate ?? true, autoInit: true }));
      await ctx.store.flush();
      return { fullName: `${ownerUser.login}/${repo.name}` };
    },
    async setCollaborator({ repository: fullName, login, permission }) {
      const repo = repository(fullName);
      const u = user(login);
      repo.collaborators = (repo.collaborators ?? []).filter((c) => c.userId !== u.id);
      if (permission) repo.collaborators.push({ userId: u.id, permission });
      ctx.store.changed();
      await ctx.store.flush();
    },
    async setOrgMember({ org, login, role }) {
      const o = user(org);
      const u = user(login);
      o.members = o.members.filter((id) => id !== u.id);
      const roles = { ...(o.memberRoles ?? {}) };
      delete roles[String(u.id)];
      if (role) {
        o.members.push(u.id);
        roles[String(u.id)] = role;
      }
      o.memberRoles = roles;
      ctx.store.changed();
      await ctx.store.flush();
    },
  };
}
