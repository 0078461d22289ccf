// FSRS as the review history replays it: the store keeps the card states it
// derives, this says how a review moves a card on and which question it belongs to.
import { DEFAULT_RETENTION } from '../model/choices.js';
import type { CardReplay } from '../model/review.js';
import { groupPositions } from './matchReviews.js';
import { packStates, unpackStates } from './packedStates.js';
import { replayGrades } from './gradeReplay.js';
import { schedulerSignature, type CardState } from './scheduler.js';

export const FSRS_REPLAY: CardReplay<CardState> = {
  replay: replayGrades,
  lastReviewedAt: (state) => state.lastReviewedAt,
  pack: packStates,
  unpack: unpackStates,
  defaultRetention: DEFAULT_RETENTION,
  questionPositions: groupPositions,
  signature: schedulerSignature,
};
