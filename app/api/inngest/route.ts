// Serves the workflows to Inngest (dev server, Cloud or self-hosted) when one is configured.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { workflows } from "@/inngest/functions";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions: workflows.map((w) => w.fn) });
