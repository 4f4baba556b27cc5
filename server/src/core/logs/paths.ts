/** Does a path (a string literal's value) look like a log file: `app.log`, `app.log.1`, `logs/x`, `/var/log/x`? */
export function isLogLikePath(value: string): boolean {
  return /(?:\.log(?:\.\d{1,3})?|\.out|\.err)$|(?:^|[\/\\])logs?(?:[\/\\]|$)|(?:^|[\/\\._-])(?:access|error|debug)[._-]log\b|nohup/i.test(value.trim());
}

/** The values of the simple string literals in a stretch of code. */
export function literalsIn(code: string): string[] {
  const out: string[] = [];
  const re = /(["'`])([^"'`\n]{0,300})\1/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[2]);
  return out;
}
