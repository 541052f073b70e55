/** The error `run` throws, which must be a `type`; anything else (or nothing thrown) fails the test. */
export function caught<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
