/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicQuestion } from '@/lib/questions';
import type { Scored } from '../../components/question-card';
import type { DailyPosition, DailyState } from '../daily-model';
import { DailyPractice } from '../daily-practice';

function question(seed: number): PublicQuestion {
  return {
    generatorId: 'cidr-usable-ips',
    version: 1,
    seed,
    topic: 'vpc-cidr',
    difficulty: 1,
    kind: 'single',
    prompt: `How many addresses can you assign to instances in 10.0.${seed}.0/24?`,
    choices: [
      { id: 'a', text: '251' },
      { id: 'b', text: '254' },
      { id: 'c', text: '256' },
    ],
    params: {},
    expectedSeconds: 30,
  };
}

/** A five-question quiz for 2025-06-03 with the given answers so far (null = unanswered). */
function quiz(answers: (boolean | null)[], extra: Partial<DailyState> = {}): DailyState {
  const reasons: DailyPosition['reason'][] = ['due', 'new', 'new', 'weak', 'weak'];
  const positions = answers.map((correct, position) => ({
    position,
    itemId: 'cidr-usable-ips',
    topic: 'vpc-cidr' as const,
    reason: reasons[position] ?? 'weak',
    correct,
  }));
  const current = positions.find((p) => p.correct === null)?.position ?? null;
  return {
    quizId: 'quiz-1',
    day: '2025-06-03',
    total: positions.length,
    positions,
    current,
    question: current === null ? null : question(100 + current),
    finished: current === null,
    streak: { current: current === null ? 1 : 0, longest: 4, doneToday: current === null },
    ...extra,
  };
}

const wrongResult: Scored = {
  status: 'scored',
  correct: false,
  answer: 'a',
  mistake: { name: 'forgot the five reserved addresses', feedback: 'AWS keeps five addresses of every subnet.' },
  explanation: { summary: 'A /24 has 256 addresses; AWS reserves 5.', steps: [{ text: '256 − 5 = 251' }], lesson: '/lessons/vpc-cidr' },
};

interface Reply {
  status: number;
  body: unknown;
}

/** Replace fetch with a queue of replies; returns the calls made. */
function mockFetch(...replies: Reply[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected fetch of ${String(url)}`);
    return { ok: reply.status < 400, status: reply.status, json: async () => reply.body } as Response;
  }) as typeof fetch;
  return calls;
}

const dots = () => screen.getAllByTestId('daily-dot').map((d) => d.getAttribute('data-state'));

afterEach(() => {
  jest.restoreAllMocks();
});

describe('DailyPractice', () => {
  it('resumes at the first unanswered question the server names, with progress, dots and the reason', async () => {
    mockFetch({ status: 200, body: quiz([true, false, null, null, null]) });
    render(<DailyPractice />);

    expect(await screen.findByTestId('question')).toHaveAttribute('data-seed', '102');
    expect(screen.getByRole('heading', { level: 1, name: 'Daily practice' })).toBeInTheDocument();
    expect(screen.getByText(/^Tuesday,? 3 June 2025$/)).toHaveAttribute('datetime', '2025-06-03');
    expect(screen.getByTestId('daily-counter')).toHaveTextContent('Question 3 of 5');
    expect(screen.getByRole('progressbar', { name: 'Daily quiz progress' })).toHaveAttribute('value', '2');
    expect(dots()).toEqual(['right', 'wrong', 'current', 'todo', 'todo']);
    const strip = screen.getByRole('list', { name: 'Questions in today’s quiz' });
    expect(within(strip).getByText('Question 2: answered wrong')).toBeInTheDocument();
    expect(within(strip).getByText('Question 3: current question').closest('li')).toHaveAttribute('aria-current', 'step');
    expect(screen.getByTestId('daily-reason')).toHaveTextContent('New from a lesson you read');
    expect(screen.queryByTestId('daily-complete')).not.toBeInTheDocument();
  });

  it('shows the completion card with the score and the streak when the quiz is finished', async () => {
    mockFetch({ status: 200, body: quiz([true, false, true, true, true], { streak: { current: 3, longest: 5, doneToday: true } }) });
    render(<DailyPractice />);

    const card = await screen.findByTestId('daily-complete');
    expect(card).toHaveTextContent('You got 4 of 5 right.');
    expect(within(card).getByTestId('daily-streak-current')).toHaveTextContent('3');
    expect(within(card).getByTestId('daily-streak-longest')).toHaveTextContent('5');
    expect(within(card).getByRole('link', { name: 'See your progress' })).toHaveAttribute('href', '/progress');
    expect(within(card).getByRole('link', { name: 'Practise more by topic' })).toHaveAttribute('href', '/practice');
    expect(screen.queryByTestId('question')).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('grades an answer on the server, shows the named mistake and key, then moves on to the next position', async () => {
    const user = userEvent.setup();
    const after = quiz([true, true, true, false, null]);
    const calls = mockFetch({ status: 200, body: quiz([true, true, true, null, null]) }, { status: 200, body: { result: wrongResult, saved: { correct: false, duplicate: false }, state: after } });
    render(<DailyPractice />);

    await screen.findByTestId('question');
    await user.keyboard('3');
    await user.keyboard('{Enter}');

    const feedback = await screen.findByTestId('feedback');
    expect(feedback).toHaveTextContent('✗ Not quite');
    expect(screen.getByTestId('mistake')).toHaveTextContent('forgot the five reserved addresses');
    expect(screen.getByTestId('key')).toHaveTextContent('251');
    expect(screen.getByTestId('worked-steps')).toHaveTextContent('256 − 5 = 251');
    expect(within(feedback).getByRole('link', { name: 'Review the lesson' })).toHaveAttribute('href', '/lessons/vpc-cidr');
    // The answered question stays on screen with its verdict in the strip.
    expect(screen.getByTestId('daily-counter')).toHaveTextContent('Question 4 of 5');
    expect(dots()).toEqual(['right', 'right', 'right', 'wrong', 'todo']);

    const sent = JSON.parse(String(calls[1]?.init?.body)) as Record<string, unknown>;
    expect(calls[1]?.url).toBe('/api/practice/daily/answer');
    expect(sent).toMatchObject({ day: '2025-06-03', position: 3, generatorId: 'cidr-usable-ips', version: 1, seed: 103, response: 'c' });
    expect(sent.timeTakenMs).toEqual(expect.any(Number));

    const nextButton = screen.getByRole('button', { name: 'Next question' });
    expect(nextButton).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('question')).toHaveAttribute('data-seed', '104');
    expect(screen.getByTestId('daily-counter')).toHaveTextContent('Question 5 of 5');
    expect(screen.getByTestId('daily-reason')).toHaveTextContent('Practice on a weak topic');
    expect(calls).toHaveLength(2);
  });

  it('after the last answer offers "See results" and then the completion card', async () => {
    const user = userEvent.setup();
    const done = quiz([true, true, true, true, true], { streak: { current: 1, longest: 1, doneToday: true } });
    mockFetch(
      { status: 200, body: quiz([true, true, true, true, null]) },
      { status: 200, body: { result: { ...wrongResult, correct: true, mistake: undefined }, saved: { correct: true, duplicate: false }, state: done } },
    );
    render(<DailyPractice />);
    await screen.findByTestId('question');
    await user.click(screen.getByRole('radio', { name: '251' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('✓ Correct')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'See results' }));
    const card = await screen.findByTestId('daily-complete');
    expect(card).toHaveTextContent('You got 5 of 5 right.');
    expect(within(card).getByTestId('daily-streak-current')).toHaveTextContent('1');
  });

  it('asks for an answer before sending, and shows a rejected answer (422) as a form error', async () => {
    const user = userEvent.setup();
    const calls = mockFetch({ status: 200, body: quiz([null, null, null, null, null]) }, { status: 422, body: { message: 'Pick one of the choices.' } });
    render(<DailyPractice />);
    await screen.findByTestId('question');
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose an answer first.');
    expect(calls).toHaveLength(1);

    await user.click(screen.getByRole('radio', { name: '254' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Pick one of the choices.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check answer' })).toBeEnabled();
  });

  it('on a stale quiz (409) explains and reloads the quiz from the server', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(
      { status: 200, body: quiz([true, null, null, null, null]) },
      { status: 409, body: { message: 'This answer does not match the quiz question. Reload the page to continue.' } },
      { status: 200, body: quiz([true, true, null, null, null]) },
    );
    render(<DailyPractice />);
    await screen.findByTestId('question');
    await user.keyboard('1');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Reload the page to continue.');
    expect(screen.queryByTestId('question')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByTestId('question')).toHaveAttribute('data-seed', '102');
    expect(screen.getByTestId('daily-counter')).toHaveTextContent('Question 3 of 5');
    expect(calls.map((c) => c.url)).toEqual(['/api/practice/daily', '/api/practice/daily/answer', '/api/practice/daily']);
  });

  it('shows a load failure with "Try again", which loads again', async () => {
    const user = userEvent.setup();
    mockFetch({ status: 500, body: {} }, { status: 200, body: quiz([null, null, null, null, null]) });
    render(<DailyPractice />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on the server (error 500).');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('question')).toHaveAttribute('data-seed', '100');
  });

  it('explains an empty quiz and points to the lessons', async () => {
    mockFetch({ status: 200, body: quiz([], { finished: true }) });
    render(<DailyPractice />);
    const card = await screen.findByTestId('daily-empty');
    expect(card).toHaveTextContent('Nothing to practise today');
    expect(within(card).getByRole('link', { name: 'Go to the lessons' })).toHaveAttribute('href', '/lessons');
    expect(screen.queryByTestId('daily-complete')).not.toBeInTheDocument();
  });
});
