import { score, validateResponse } from '../score';
import { bankQuestion } from '../bank';
import { createRng } from '../rng';
import { pickPracticeItem } from '../practice-pick';
import type { Question } from '../types';

const base = {
  generatorId: 't', version: 1, seed: 1, topic: 'vpc-cidr' as const, difficulty: 1 as const, prompt: 'A test question',
  params: {}, explanation: { summary: 'because', steps: [] }, expectedSeconds: 10,
};

const single: Question = { ...base, kind: 'single', choices: [{ id: 'a', text: '27' }, { id: 'b', text: '30' }, { id: 'c', text: '32' }], answer: 'a', mistakes: [{ match: 'b', name: 'subtracted 2 instead of 5', feedback: 'AWS reserves 5 addresses.' }] };
const multiple: Question = { ...base, kind: 'multiple', choices: [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }, { id: 'c', text: 'z' }], answer: ['a', 'c'], mistakes: [] };
const number: Question = { ...base, kind: 'number', answer: 6.25, tolerance: 0.01, mistakes: [{ match: 10, name: 'assumed cross-zone was on', feedback: 'Cross-zone is off here.' }] };
const text: Question = { ...base, kind: 'text', textMatch: 'cidr', answer: '10.0.16.0/20', mistakes: [{ match: '10.0.15.0/20', name: 'ignored alignment', feedback: 'A /20 starts on a multiple of 16 in the third octet.' }] };
const order: Question = { ...base, kind: 'order', choices: [{ id: 'a', text: '200' }, { id: 'b', text: '100' }], answer: ['b', 'a'], mistakes: [] };

describe('validating a response (can it be scored at all?)', () => {
  it('needs a choice shown in the question', () => {
    expect(validateResponse(single, 'z')).toBe('Choose one of the answers.');
    expect(validateResponse(single, undefined)).toBe('Choose one of the answers.');
    expect(validateResponse(single, 'b')).toBeNull();
  });
  it('needs at least one distinct choice for multiple response', () => {
    expect(validateResponse(multiple, [])).toBe('Choose at least one answer.');
    expect(validateResponse(multiple, ['a', 'a'])).toBe('Each answer can be chosen once.');
  });
  it('needs a finite number', () => {
    expect(validateResponse(number, Number.NaN)).toBe('Enter a number.');
    expect(validateResponse(number, '6.25')).toBe('Enter a number.');
  });
  it('explains why a CIDR answer cannot be read, instead of marking it wrong', () => {
    expect(validateResponse(text, '10.0.16.0/33')).toMatch(/prefix|\/33/i);
    expect(validateResponse(text, '   ')).toBe('Type an answer.');
  });
  it('needs every item exactly once when ordering', () => {
    expect(validateResponse(order, ['a'])).toBe('Put every item in order.');
    expect(validateResponse(order, ['a', 'a'])).toBe('Put every item in order, each once.');
  });
});

describe('scoring', () => {
  it('names the mistake behind a distractor', () => {
    expect(score(single, 'b')).toMatchObject({ status: 'scored', correct: false, mistake: { name: 'subtracted 2 instead of 5' } });
    expect(score(single, 'a')).toMatchObject({ correct: true });
    expect(score(single, 'a')).not.toHaveProperty('mistake');
  });
  it('gives partial credit information for multiple response, but no credit unless exact', () => {
    expect(score(multiple, ['a'])).toMatchObject({ correct: false, partial: { picked: 1, of: 2, wrongPicks: 0 } });
    expect(score(multiple, ['c', 'a'])).toMatchObject({ correct: true });
  });
  it('accepts numbers within the tolerance, both sides of the boundary', () => {
    expect(score(number, 6.26)).toMatchObject({ correct: true });
    expect(score(number, 6.2401)).toMatchObject({ correct: true });
    expect(score(number, 6.27)).toMatchObject({ correct: false });
    expect(score(number, 10)).toMatchObject({ correct: false, mistake: { name: 'assumed cross-zone was on' } });
  });
  it('compares CIDR answers in canonical form', () => {
    expect(score(text, ' 10.0.16.0/20 ')).toMatchObject({ correct: true });
    expect(score(text, '10.0.15.0/20')).toMatchObject({ status: 'invalid' });
    expect(score(text, '10.0.32.0/20')).toMatchObject({ correct: false });
  });
  it('returns invalid, not wrong, for an unscorable response', () => {
    expect(score(order, ['b'])).toEqual({ status: 'invalid', message: 'Put every item in order.' });
  });
});

describe('bank questions in the question shape', () => {
  const q = {
    id: 'quota', type: 'single' as const, difficulty: 2 as const, stem: 'How many IPv4 CIDR blocks by default?', explanation: 'Five, primary included.',
    source: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html',
    choices: [{ text: '5', correct: true }, { text: '6', correct: false, feedback: 'Older material says six.' }, { text: '50', correct: false }],
  };
  it('keeps the key and the feedback whatever the shuffle', () => {
    for (let seed = 0; seed < 50; seed++) {
      const bq = bankQuestion('vpc-cidr', q, seed);
      expect(bq.choices?.find((c) => c.id === bq.answer)?.text).toBe('5');
      const six = bq.choices?.find((c) => c.text === '6')?.id;
      expect(score(bq, six)).toMatchObject({ correct: false, mistake: { feedback: 'Older material says six.' } });
    }
  });
  it('turns true/false into two fixed choices', () => {
    const tf = bankQuestion('vpc-cidr', { id: 'tf', type: 'truefalse', difficulty: 1, stem: 'Blocks can be resized in place.', answer: false, explanation: 'They cannot.', source: q.source }, 3);
    expect(tf.choices).toEqual([{ id: 'a', text: 'True' }, { id: 'b', text: 'False' }]);
    expect(tf.answer).toBe('b');
  });
});

describe('the seeded generator and practice picks', () => {
  it('repeats exactly for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20 }, () => a.int(0, 1000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1000))).toEqual(xs);
    expect(Array.from({ length: 20 }, () => createRng(43).int(0, 1000))).not.toEqual(xs);
  });
  it('stays within bounds, both ends reachable', () => {
    const r = createRng(7);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('picks the same practice question for the same session and position', () => {
    const items = [{ itemId: 'g1', source: 'generator' as const }, { itemId: 'bank:q1', source: 'bank' as const }, { itemId: 'bank:q2', source: 'bank' as const }];
    expect(pickPracticeItem(items, 9, 3)).toEqual(pickPracticeItem(items, 9, 3));
    const picked = new Set(Array.from({ length: 40 }, (_, i) => pickPracticeItem(items, 9, i).itemId));
    expect(picked.size).toBe(3);
  });
});
