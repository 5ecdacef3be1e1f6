// What the re-run attempt's conclusion says about the original failure.
export type RerunVerdict =
  /** The same commit passed when re-run: flaky, do not heal. */
  | { flaky: true; heal: false; reason: string }
  /** It failed again (or the re-run told nothing): heal it. */
  | { flaky: false; heal: true; reason: string };

export function decideRerunOutcome(conclusion: string | null | undefined): RerunVerdict {
  switch (conclusion) {
    case "success":
      return { flaky: true, heal: false, reason: "passed on re-run of the same commit" };
    case "failure":
    case "timed_out":
    case "startup_failure":
      return { flaky: false, heal: true, reason: `failed again on re-run (${conclusion})` };
    default:
      // cancelled, skipped, neutral, stale, action_required, or no conclusion: the re-run proved nothing.
      return { flaky: false, heal: true, reason: `re-run inconclusive (${conclusion ?? "no conclusion"})` };
  }
}
