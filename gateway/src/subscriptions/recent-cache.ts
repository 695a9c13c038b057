/**
 * Values computed once and shared for a while: a resolved event serves every subscriber of the
 * same group that reaches it, live or replaying shortly after. Oldest entries go first.
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly ttlMs = 60_000,
  ) {}

  getOrCreate(key: string, create: () => V): V {
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const value = create();
    this.entries.set(key, { value, at: Date.now() });
    this.evict();
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict() {
    const expired = Date.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.at > expired) break;
      this.entries.delete(key);
    }
  }
}
