import { loadBanks, parseBank } from '@/lib/content/load-banks';
import { TOPICS } from '@/lib/topics';
import { bankQuestion, score } from '@/lib/questions';

const banks = loadBanks();

describe('the question banks in content/banks', () => {
  it('give every lesson topic at least 5 questions, one bank file per topic', () => {
    for (const t of TOPICS) {
      const mine = banks.filter((b) => b.topic === t.id);
      expect(mine.map((b) => b.file)).toEqual([`${t.id}.yaml`]);
      expect(mine[0]?.questions.length ?? 0).toBeGreaterThanOrEqual(5);
    }
  });

  it('use question ids that are unique across all banks', () => {
    const ids = banks.flatMap((b) => b.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(banks.map((b) => [b.file, b] as const))('%s: every question scores its own key as right and its wrong choices as wrong', (_file, bank) => {
    for (const q of bank.questions) {
      const built = bankQuestion(bank.topic, q, 1);
      expect(score(built, built.answer)).toMatchObject({ status: 'scored', correct: true });
      if (built.kind === 'single') {
        for (const c of built.choices ?? []) if (c.id !== built.answer) expect(score(built, c.id)).toMatchObject({ correct: false });
      }
    }
  });

  it('give feedback on most wrong choices, naming the misconception', () => {
    const wrong = banks.flatMap((b) => b.questions.flatMap((q) => ('choices' in q ? q.choices.filter((c) => !c.correct) : [])));
    const withFeedback = wrong.filter((c) => c.feedback);
    expect(withFeedback.length / wrong.length).toBeGreaterThan(0.8);
  });
});

describe('a malformed bank file', () => {
  it('fails naming the file, the question and the field', () => {
    const text = 'topic: nacls\ntitle: NACLs\nquestions:\n  - id: q1\n    type: single\n    difficulty: 2\n    stem: Which rule is evaluated first?\n    explanation: The lowest number.\n    source: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html\n    choices:\n      - text: "100"\n      - text: "200"\n      - text: "*"\n';
    expect(() => parseBank('nacls.yaml', text)).toThrow(/^nacls\.yaml: questions\.0\.choices: a single-choice question needs exactly one correct choice/);
  });
  it('fails on an unknown topic and on YAML that cannot be read', () => {
    expect(() => parseBank('x.yaml', 'topic: ec2-classic\ntitle: Old\nquestions: []\n')).toThrow(/^x\.yaml: topic/);
    expect(() => parseBank('y.yaml', 'topic: [unclosed\n')).toThrow(/^y\.yaml: not valid YAML/);
  });
  it('refuses links that are not AWS documentation', () => {
    const text = 'topic: nacls\ntitle: NACLs\nquestions:\n  - id: q1\n    type: truefalse\n    difficulty: 1\n    stem: NACLs are stateless filters.\n    answer: true\n    explanation: They evaluate each packet alone.\n    source: https://example.com/nacl\n';
    expect(() => parseBank('nacls.yaml', text)).toThrow(/questions\.0\.source: sources must be AWS documentation links/);
  });
});
