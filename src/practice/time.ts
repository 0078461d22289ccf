// Durations as people type them on the command line: `90s`, `2m`, `1m30s`, `1h`.
import { UsageError } from '../errors.js';

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
