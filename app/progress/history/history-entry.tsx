import Link from 'next/link';
import type { HistoryEntry } from '@/lib/server/history';
import { formatDuration } from '@/lib/practice/progress';
import { MarkdownText } from '@/app/practice/components/markdown-text';
import { WorkedSteps } from '@/app/practice/components/worked-steps';
import { formatInstant } from '../format';

const SOURCES: Record<string, string> = { practice: 'Practice', daily: 'Daily practice', mistakes: 'Practising mistakes', exam: 'Exam' };

/** One attempt: when, topic, verdict, time taken, the answer given, and the question in a <details>. */
export function HistoryEntryView({ entry: e, timeZone }: { entry: HistoryEntry; timeZone: string }) {
  const q = e.question;
  return (
    <li className="card history-entry" data-testid="history-entry" data-topic={e.topic} data-correct={String(e.correct)}>
      <div className="history-meta">
        <span className={`verdict ${e.correct ? 'right' : 'wrong'}`}>{e.correct ? '✓ Right' : '✗ Wrong'}</span>
        <span>{e.topicTitle}</span>
        <time dateTime={e.at.toISOString()}>{formatInstant(e.at, timeZone)}</time>
        <span className="hint">answered in {formatDuration(e.timeTakenMs)}</span>
        <span className="badge">{SOURCES[e.source] ?? e.source}</span>
      </div>
      <div className="answers">
        <p>
          Your answer: <strong data-testid="history-answer">{e.answer ?? 'could not be read'}</strong>
        </p>
        {q.status === 'ok' && !e.correct && (
          <p>
            The correct answer: <strong data-testid="history-key">{q.key}</strong>
          </p>
        )}
        {e.mistake && (
          <p data-testid="history-mistake">
            <strong>Looks like you {e.mistake.name}.</strong>
            {e.mistake.feedback ? ` ${e.mistake.feedback}` : ''}
          </p>
        )}
      </div>
      {q.status === 'ok' ? (
        <details>
          <summary>Question and explanation</summary>
          <div>
            <MarkdownText>{q.prompt}</MarkdownText>
            {q.choices && (
              <ul className="history-choices" aria-label="Choices">
                {q.choices.map((c) => (
                  <li key={c.id} className={`${c.key ? 'key' : ''} ${c.picked ? 'picked' : ''}`.trim()}>
                    {c.text}
                    {c.picked && <span className="choice-tag"> · your choice</span>}
                    {c.key && <span className="choice-tag"> · correct</span>}
                  </li>
                ))}
              </ul>
            )}
            {e.correct && (
              <p>
                The correct answer: <strong>{q.key}</strong>
              </p>
            )}
            <p>
              <strong>Explanation</strong>
            </p>
            <MarkdownText>{q.explanation.summary}</MarkdownText>
            <WorkedSteps steps={q.explanation.steps} />
            {q.explanation.lesson && (
              <p>
                <Link href={q.explanation.lesson}>Review the lesson</Link>
              </p>
            )}
          </div>
        </details>
      ) : (
        <p className="alert info" data-testid="history-outdated">
          {q.status === 'outdated'
            ? 'This question has changed since you answered it, so it can no longer be shown as you saw it. Your answer and its verdict are kept as they were.'
            : 'This question has been removed from the course, so it can no longer be shown. Your answer and its verdict are kept as they were.'}
        </p>
      )}
    </li>
  );
}
