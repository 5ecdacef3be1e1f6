// A secret is never stored or shown: only enough of it to recognise which one (its first characters and
// its length). Short values show nothing at all.
export function maskSecret(value: string): string {
  const visible = value.length >= 16 ? 4 : value.length >= 10 ? 2 : 0;
  return `${value.slice(0, visible)}${"*".repeat(Math.min(Math.max(value.length - visible, 4), 16))} (${value.length} chars)`;
}
