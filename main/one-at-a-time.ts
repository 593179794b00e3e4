/**
 * Runs async tasks with the same key one after another. Work that awaits between reading
 * and writing (scrypt, PDF rendering, printing) would otherwise let two calls act on the
 * same stale reading.
 */
export function createKeyedQueue() {
  const queues = new Map<string, Promise<unknown>>();
  return function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = queues.get(key) ?? Promise.resolve();
    const next = before.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };
}
