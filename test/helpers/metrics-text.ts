/** The value of `series` (name and labels, exactly as printed) in Prometheus text, or undefined. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
