// Times and durations, parsed and written the ways kfq shows them: durations as
// people type them on the command line (`90s`, `2m`, `1m30s`, `1h`), the interview
// clock, interval labels, when the next card is due, and log timestamps.
import { UsageError } from '../errors.js';
import { plural } from '../model/plural.js';

const UNIT_SECONDS = { h: 3600, m: 60, s: 1 } as const;
// Units in falling order, each at most once: 1h, 2m, 90s, 1m30s, 1h5m.
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ACCEPTED_FORMS = 'use a number with a unit: 90s, 2m, 1m30s or 1h';

/** Parses a duration to whole seconds; anything else is a UsageError naming the accepted forms. */
export function parseDuration(text: string, option = 'duration'): number {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match || text.trim() === '') {
    throw new UsageError(`invalid ${option} '${text}'`, { hint: ACCEPTED_FORMS });
  }
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * UNIT_SECONDS.h + Number(minutes) * UNIT_SECONDS.m + Number(seconds) * UNIT_SECONDS.s;
  if (total < 1) throw new UsageError(`invalid ${option} '${text}': it must be at least 1s`, { hint: ACCEPTED_FORMS });
  if (total > 24 * 3600) throw new UsageError(`invalid ${option} '${text}': it must be at most 24h`, { hint: ACCEPTED_FORMS });
  return total;
}

/** Whole seconds the way they are written on the command line: 90 → `1m30s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 || whole === 0 ? `${s}s` : ''];
  return parts.join('');
}

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as a short label: `5m`, `3h`, `2d`, `4mo`, `1.5y`. */
export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = Math.round(ms / DAY);
  if (days < 31) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30.4)}mo`;
  const years = days / 365;
  return `${years < 10 ? Math.round(years * 10) / 10 : Math.round(years)}y`;
}

/** `now`, or `in 3 hours (Thu 14 Nov, 09:30)`. */
export function formatWhen(when: Date, now: Date): string {
  const ms = when.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  const relative =
    minutes < 60
      ? plural(Math.max(1, minutes), 'minute')
      : minutes < 36 * 60
        ? plural(Math.round(minutes / 60), 'hour')
        : plural(Math.round(minutes / 1440), 'day');
  const absolute = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
  return `in ${relative} (${absolute})`;
}

/** `2024-10-03 14:02` in local time. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
