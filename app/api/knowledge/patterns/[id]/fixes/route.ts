import { restHandler } from "@/server/http/rest-handler";
import { listPatternFixes } from "@/server/knowledge/list-pattern-fixes";

export const GET = restHandler<{ id: string }>(({ params }) => listPatternFixes(params.id));
