/** Latency figures of a series of runs, in milliseconds. */
export interface LatencySummary {
  readonly runs: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times one after another, and summarises the latencies. */
export async function measureLatency(work: () => Promise<void>, runs: number, warmup = 5): Promise<LatencySummary> {
  for (let index = 0; index < warmup; index += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!;
  return {
    runs,
    meanMs: round(samples.reduce((sum, sample) => sum + sample, 0) / samples.length),
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(samples.at(-1)!),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
