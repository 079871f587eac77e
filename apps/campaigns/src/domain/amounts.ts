/**
 * Integer arithmetic for points and money (minor currency units). Every product that could pass
 * 2^53 (an amount times a rate, a percentage of a large cart, points times a point value) is taken
 * in BigInt and brought back to a number only through {@link toSafeNumber}, which refuses to lose
 * precision. Nothing here ever produces a fraction.
 */

/** A non-negative safe integer, or a RangeError naming `what`. */
export function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
}

/** `n` as a number; a RangeError when it is outside the safe-integer range. */
export function toSafeNumber(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${what} overflows a safe integer`);
  return Number(n);
}

/** a × b for non-negative safe integers, exactly; a RangeError past 2^53. */
export function mulExact(a: number, b: number, what: string): number {
  const p = a * b; // exact when the true product is ≤ 2^53; otherwise ≥ 2^53 and caught below
  if (Number.isSafeInteger(p)) return p;
  return toSafeNumber(BigInt(a) * BigInt(b), what);
}

/** Σ xs for non-negative safe integers, exactly; a RangeError past 2^53. */
export function sumExact(xs: readonly number[], what: string): number {
  let s = 0;
  for (const x of xs) s += x;
  if (Number.isSafeInteger(s)) return s; // partial sums of non-negative integers only grow: all were exact
  return toSafeNumber(xs.reduce((t, x) => t + BigInt(x), 0n), what);
}

/** ⌊a × b / d⌋ for non-negative safe integers a, b and a positive d, exactly (BigInt when a × b passes 2^53). */
export function mulDivFloor(a: number, b: number, d: number, what: string): number {
  if (d <= 0) throw new RangeError('divisor must be positive');
  const n = a * b;
  if (Number.isSafeInteger(n)) return divMod(n, d)[0];
  return toSafeNumber((BigInt(a) * BigInt(b)) / BigInt(d), what);
}

/**
 * Splits `total` into integer shares proportional to `weights` (largest-remainder method), so the
 * shares add up to exactly `total`. Leftover units go to the largest fractional remainders, ties
 * to the lower index — deterministic. When total ≤ Σ weights no share exceeds its weight (what
 * discount allocation relies on). Requires total ≥ 0 and weights ≥ 0; all-zero weights take only
 * a zero total (RangeError otherwise).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (weights.length === 1 && total >= 0 && (total === 0 || weights[0] > 0)) return [total];
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (total < 0 || (sum === 0n && total > 0)) throw new RangeError(`cannot allocate ${total} over weights summing to ${sum}`);
  if (total === 0) return weights.map(() => 0);
  if (sum <= BigInt(Number.MAX_SAFE_INTEGER) && Number.isSafeInteger(total * Math.max(...weights))) return allocateSmall(total, weights, Number(sum));
  const t = BigInt(total);
  const shares = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - shares.reduce((s, x) => s + x, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i, r } of remainders) {
    if (left === 0n) break;
    if (r === 0n) continue;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s));
}

/** q, r with n = q·d + r, 0 ≤ r < d, for safe integers n ≥ 0 and d > 0 (the float quotient corrected). */
function divMod(n: number, d: number): [number, number] {
  let q = Math.floor(n / d);
  if (q * d > n) q -= 1;
  else if ((q + 1) * d <= n) q += 1;
  return [q, n - q * d];
}

/** {@link allocateProportionally} when every total × weight is a safe integer: the same result without BigInt. */
function allocateSmall(total: number, weights: readonly number[], sum: number): number[] {
  const shares: number[] = [];
  const remainders: { i: number; r: number }[] = [];
  let left = total;
  weights.forEach((w, i) => {
    const [q, r] = divMod(total * w, sum);
    shares.push(q);
    remainders.push({ i, r });
    left -= q;
  });
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i, r } of remainders) {
    if (left === 0) break;
    if (r === 0) continue;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}
