// Repeated step ids, numbered exactly as the Inngest SDK numbers them (inngest 4.24,
// components/execution/engine.js resolveStepIdCollision): the first use of "x" is "x", the next ones are
// "x:1", "x:2", … skipping any id already used in this execution. A loop of step.run("x") therefore
// memoizes the same way on both engines, and the journal's keys are the ids Inngest would report.
export function stepIdSequence(): (id: string) => string {
  const used = new Set<string>();
  const nextIndex = new Map<string, number>();
  return (id) => {
    if (!used.has(id) && !nextIndex.has(id)) {
      nextIndex.set(id, 1);
      used.add(id);
      return id;
    }
    for (let i = nextIndex.get(id) ?? 1; ; i++) {
      const indexed = `${id}:${i}`;
      if (!used.has(indexed)) {
        nextIndex.set(id, i + 1);
        used.add(indexed);
        return indexed;
      }
    }
  };
}
