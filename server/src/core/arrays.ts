/**
 * Appends every item of `items` to `out`, one `push` at a time. On the hot paths this replaces `out.push(...items)`:
 * a spread call's optimized code assumes the array kinds it first saw, and lists that are sometimes empty (a small
 * integer array to V8) and sometimes hold objects kept throwing it away (23 times in one scan of the bench tree).
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]);
}
