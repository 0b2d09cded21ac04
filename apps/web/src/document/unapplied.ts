/** Above this many block pairs, compare by membership instead of the longest common subsequence. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * The blocks (paragraphs, headings, list items…) the person had locally that the server's text
 * does not have as they are: what they typed that was not applied. Keeps their order and skips
 * blank blocks. Aligns the two texts by their longest common subsequence of blocks, so a block
 * edited in place shows in its local version, and a block that only moved or that others also
 * have is not repeated.
 */
export function unappliedBlocks(local: readonly string[], server: readonly string[]): string[] {
  const a = local.map(normalise);
  const b = server.map(normalise);
  if (a.length * b.length > MAX_LCS_CELLS) {
    const remaining = new Map<string, number>();
    for (const block of b) remaining.set(block, (remaining.get(block) ?? 0) + 1);
    return a.filter((block) => {
      const left = remaining.get(block) ?? 0;
      if (left > 0) remaining.set(block, left - 1);
      return left === 0 && block !== '';
    });
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], one flat row-major array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const unapplied: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!) {
      j++;
    } else {
      if (a[i] !== '') unapplied.push(a[i]!);
      i++;
    }
  }
  return unapplied;
}

function normalise(block: string): string {
  return block.replace(/\s+$/u, '').replace(/^\s+/u, '');
}
