// Which question each group of logged reviews belongs to now: by id while the text is the same, else by text.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { groupPositions } from '../../../src/practice/matchReviews.js';

function q(number: number, text: string): Question {
  return { id: `d/${number}`, number, category: 'C', question: text, prompt: text, answer: 'A.', line: number, deck: 'd' };
}

const questions = [q(1, 'What is a Pod?'), q(2, 'What is a Service?'), q(3, 'What is a Deployment?')];

describe('groupPositions', () => {
  it('when a group names a question by id and text, or by its text under another id, then it gets that position; a gone one gets -1', () => {
    const groups = {
      groupIds: ['d/2', 'd/9', 'd/3', 'other/1'],
      groupDecks: ['d', 'd', 'd', 'other'],
      groupQuestions: ['What is a Service?', 'What is a Pod?', 'What is a Deployment?', 'What is a Pod?'],
    };
    expect([...groupPositions(questions, groups)]).toEqual([1, 0, 2, -1]);
  });

  it('when the table of groups grows then the new groups are matched too, and the known ones kept', () => {
    const groups = { groupIds: ['d/1'], groupDecks: ['d'], groupQuestions: ['What is a Pod?'] };
    expect([...groupPositions(questions, groups)]).toEqual([0]);
    expect(groupPositions(questions, groups)).toBe(groupPositions(questions, groups));
    groups.groupIds.push('d/3', 'd/7');
    groups.groupDecks.push('d', 'd');
    groups.groupQuestions.push('What is a Deployment?', 'What is a Service?');
    expect([...groupPositions(questions, groups)]).toEqual([0, 2, 1]);
  });
});
