/** A progress line on stderr for long scans, only when stderr is a terminal; cleared when the scan ends. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(private readonly enabled: boolean) {}

  /** `total`: the files listed so far; `final`: the listing is complete (until then no percentage is shown). */
  update(done: number, total: number, final = true): void {
    if (!this.enabled) return;
    const now = Date.now();
    // Quiet for the first half second (short scans print nothing), then at most five updates a second.
    if (now - this.started < 500 || now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    const share = final ? ` (${Math.floor((100 * done) / Math.max(total, 1))}%)` : ', listing…';
    process.stderr.write(`\r\u001b[2Kchecking… ${done}/${total} files${share}`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
  }
}
