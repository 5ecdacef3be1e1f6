// Deliveries from repositories nobody monitors are answered and dropped, not stored (a hook added by hand
// and forgotten, or a repository whose monitoring stopped while its hook stayed). This process counts them,
// so the log says how many arrived.
import { processSingleton } from "../runtime-state";

const counter = () => processSingleton("webhooks:unmonitored", () => ({ total: 0 }));

/** Counts one dropped delivery; returns how many this process has dropped so far. */
export function countUnmonitoredDelivery(): number {
  return ++counter().total;
}

export function unmonitoredDeliveryCount(): number {
  return counter().total;
}
