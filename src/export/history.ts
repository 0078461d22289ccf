// The user's own data, to take away: every review and every interview report.
import type { InterviewReport } from '../model/interview.js';
import type { Review } from '../model/review.js';
import { toCsv } from './csv.js';

export function historyToJson(reviews: Review[], interviews: InterviewReport[]): string {
  return `${JSON.stringify({ reviews, interviews }, null, 2)}\n`;
}

/**
 * One table with a row per review and a row per interview; `record` says which,
 * so a spreadsheet filter splits them. Interview rows carry the interview's
 * id, times, status, score and the ids of its questions.
 */
export function historyToCsv(reviews: Review[], interviews: InterviewReport[]): string {
  const header = ['record', 'at', 'question_id', 'deck', 'number', 'question', 'rating', 'duration_ms', 'mode', 'answer', 'interview_id', 'finished_at', 'status', 'score'];
  const rows: (string | number | null)[][] = [];
  for (const r of reviews) rows.push(['review', r.reviewedAt, r.questionId, r.deck, r.number, r.question, r.rating, r.durationMs, r.mode, r.answer, '', '', '', '']);
  for (const i of interviews) {
    rows.push(['interview', i.startedAt, i.questions.map((q) => q.id).join(' '), '', '', '', '', '', 'mock', '', i.id, i.finishedAt, i.status, i.score]);
  }
  return toCsv(header, rows);
}
