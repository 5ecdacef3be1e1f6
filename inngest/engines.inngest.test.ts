// The workflow semantics suite on the real Inngest server (one dev server for this file).
import { workflowConformanceSuite } from "@/test/workflow-conformance";

workflowConformanceSuite("inngest");
