/**
 * Runs `slice` on the event loop (setImmediate after setImmediate) until it says nothing remains,
 * so requests are read between slices. Each slice should stay well under 50 ms. `name` is what
 * the log says when a slice fails (the work resumes at the next start()).
 */
export function backgroundSlices(name: string, slice: () => boolean) {
  let running = false;
  let idle: (() => void)[] = [];
  const step = () => {
    let more = false;
    try {
      more = slice();
    } catch (error) {
      console.error(`Search: ${name} failed; it resumes after the next change.`, error);
    }
    if (more) return void setImmediate(step);
    running = false;
    for (const resolve of idle) resolve();
    idle = [];
  };
  return {
    start() {
      if (running) return;
      running = true;
      setImmediate(step);
    },
    /** Resolves when no slice is running or due. */
    idle: () => new Promise<void>((resolve) => (running ? idle.push(resolve) : resolve())),
  };
}

export type BackgroundSlices = ReturnType<typeof backgroundSlices>;
