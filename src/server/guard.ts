// A request handler that throws must not cost the user anything but that one answer: the error is
// logged once (the same fault on every keystroke would flood the output) and a neutral answer sent.
import { CancelledError } from "../util/cancellation.js";

export type Log = (message: string) => void;

/** Logs each distinct message once. */
export function logOnce(log: Log): Log {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message) || seen.size > 1000) return;
    seen.add(message);
    log(message);
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps a handler: an exception becomes `fallback` and one log line naming the feature. A
 * cancellation is not a fault and passes through, as the protocol library expects.
 */
export function guard<Args extends unknown[], Result>(feature: string, log: Log, fallback: Result, handler: (...args: Args) => Result): (...args: Args) => Result {
  return (...args) => {
    try {
      return handler(...args);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      log(`${feature} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
