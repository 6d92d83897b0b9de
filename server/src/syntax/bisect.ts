// Bisection over anything kept in text order (units, references by offset).

/** The first index in [0, count) at which `reached` holds, given that it holds from some index on; `count` if none. */
export function firstWhere(count: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
