/**
 * A countdown as people read it on a workshop timer: minutes and seconds ("04:05"), hours
 * first when there are any ("1:02:03"). Rounded up to the whole second, so "00:00" shows only
 * when the time is really over and a fresh 5-minute timer shows "05:00", not "04:59".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
