/** A fixed LCG: numbers in [0, 2^31) that a seed always repeats, so a failing case can be replayed from its seed. */
export function seededIntegers(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31);
}

/** Deterministic shuffle (Fisher–Yates on seededIntegers), so a failing order can be replayed from its seed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const next = seededIntegers(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
