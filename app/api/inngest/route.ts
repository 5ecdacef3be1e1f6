// Serves the workflows to Inngest (dev server, Cloud or self-hosted). Outside production without Inngest
// keys it answers in dev mode (inngest/client.ts); in production it needs INNGEST_SIGNING_KEY.
import { serve } from "inngest/next";
import { inngestClient } from "@/inngest/client";
import { workflows } from "@/inngest/functions";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngestClient(), functions: workflows.map((w) => w.fn) });
