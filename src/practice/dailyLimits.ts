// Daily limits, as in Anki: at most so many new cards and so many reviews a
// day, counted from the review log over every run that day. A day starts at
// the rollover hour (local time), so a session past midnight still counts
// toward the evening's day.
import type { ReviewColumns } from '../model/review.js';

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Hour (0-23) at which a new day starts. */
  rollover: number;
}

export interface DayCounts {
  /** Cards seen for the first time today. */
  newCards: number;
  /** Cards seen before today and reviewed today. */
  reviews: number;
}

/** When the day containing `now` began. */
export function dayStart(now: Date, rollover: number): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), rollover);
  if (start > now) start.setDate(start.getDate() - 1);
  return start;
}

/** Today's counts from the whole log (every deck: the limits are a day's work, not a deck's). */
export function countToday(reviews: ReviewColumns, now: Date, rollover: number): DayCounts {
  const from = dayStart(now, rollover).getTime();
  const to = now.getTime();
  // By group first: a million reviews are a few thousand groups, each named by a question id.
  const before = new Uint8Array(reviews.groupIds.length);
  const during = new Uint8Array(reviews.groupIds.length);
  for (let i = 0; i < reviews.group.length; i++) {
    const at = reviews.time[i]!;
    if (at < from) before[reviews.group[i]!] = 1;
    else if (at <= to) during[reviews.group[i]!] = 1;
  }
  const seenBefore = new Set<string>();
  const today = new Set<string>();
  reviews.groupIds.forEach((questionId, group) => {
    if (before[group] === 1) seenBefore.add(questionId);
    if (during[group] === 1) today.add(questionId);
  });
  let newCards = 0;
  for (const id of today) if (!seenBefore.has(id)) newCards++;
  return { newCards, reviews: today.size - newCards };
}

/** What is left of today's limits. */
export function leftToday(limits: DailyLimits, counts: DayCounts): { newCards: number; reviews: number } {
  return { newCards: Math.max(0, limits.newPerDay - counts.newCards), reviews: Math.max(0, limits.reviewsPerDay - counts.reviews) };
}
