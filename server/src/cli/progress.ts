/** A progress line on stderr for long scans, only when stderr is a terminal; cleared when the scan ends. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(private readonly enabled: boolean) {}

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    // Quiet for the first half second (short scans print nothing), then at most five updates a second.
    if (now - this.started < 500 || now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    process.stderr.write(`\r\u001b[2Kchecking… ${done}/${total} files (${Math.floor((100 * done) / Math.max(total, 1))}%)`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
  }
}
