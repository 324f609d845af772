type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

export type GroupCommitOptions = {
  /** Items per statement. */
  maxBatch: number;
  /** Batches written at once; the rest wait for one of them to commit. */
  maxInFlight: number;
};

/**
 * Group commit: items submitted while a batch is being written are gathered and written together, by one statement
 * in one transaction. A burst of webhooks then pays for one commit (one WAL flush) instead of one each, and its
 * writes no longer queue on each other's row locks (the day's rollup rows) until each commit. A writer with
 * nothing in flight sends at once, so a lone item waits for nothing.
 *
 * `write` gets the items in submission order and answers one result per item, in the same order. If a batch fails
 * (one bad item, or a deadlock with another process), nothing of it was committed, and each item is written again
 * alone, so one item's error is only that item's.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async flush(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.writeChecked(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One at a time: retried concurrently, they could deadlock with each other as the batch may have.
      for (const w of batch) {
        try {
          const [result] = await this.writeChecked([w.item]);
          w.resolve(result!);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }

  private async writeChecked(items: T[]): Promise<R[]> {
    const results = await this.write(items);
    if (results.length !== items.length)
      throw new Error(`group commit: ${items.length} items written, ${results.length} results`);
    return results;
  }
}
