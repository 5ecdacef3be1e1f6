import { restHandler } from "@/server/http/rest-handler";
import { visiblePatternFixes } from "@/server/knowledge/kb-visibility";

export const GET = restHandler<{ id: string }>(({ params, user }) => visiblePatternFixes(user, params.id));
