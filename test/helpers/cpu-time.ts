/**
 * The CPU time `work` takes, in milliseconds: this process's user and system time, its own threads' (the garbage
 * collector's helpers) included. The tests that hold a cost to linear measure it so, not by the wall clock: vitest runs
 * a file in a process of its own (the default pool, forks), and on a loaded machine (the suite's own files in
 * parallel on two cores, as CI runs it) the wall clock counted every other process's turn too; a limit a few times
 * the quiet time failed there with the code right. Its limits sit well under the cost of the quadratic fault each
 * test is about, so that still fails them.
 */
export function cpuMs<T>(work: () => T): { ms: number; result: T } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, result };
}
