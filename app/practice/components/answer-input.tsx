'use client';
import type { PublicQuestion, Response } from '@/lib/questions';

export type Draft = string | string[] | null;

/** Turn what the form holds into a response the server can score (or null if incomplete). */
export function toResponse(q: PublicQuestion, draft: Draft): Response | null {
  if (q.kind === 'number') {
    if (typeof draft !== 'string' || draft.trim() === '') return null;
    const n = Number(draft.replace(/,/g, '').replace(/%$/, '').trim());
    return Number.isFinite(n) ? n : null;
  }
  if (q.kind === 'text') return typeof draft === 'string' && draft.trim() !== '' ? draft.trim() : null;
  if (q.kind === 'single') return typeof draft === 'string' && draft ? draft : null;
  if (Array.isArray(draft) && draft.length > 0) return draft;
  return null;
}

export function initialDraft(q: PublicQuestion): Draft {
  if (q.kind === 'order') return (q.choices ?? []).map((c) => c.id);
  if (q.kind === 'multiple') return [];
  return null;
}

interface Props {
  question: PublicQuestion;
  draft: Draft;
  onChange: (d: Draft) => void;
  disabled: boolean;
}

/** The answer controls for each kind of question; choices are numbered for the 1–9 keys. */
export function AnswerInput({ question: q, draft, onChange, disabled }: Props) {
  const choices = q.choices ?? [];
  if (q.kind === 'single' || q.kind === 'multiple') {
    const multi = q.kind === 'multiple';
    const picked = new Set(Array.isArray(draft) ? draft : draft ? [draft] : []);
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="visually-hidden">{multi ? 'Choose all that apply' : 'Choose one answer'}</legend>
        {multi && <p className="hint">Choose all that apply.</p>}
        {choices.map((c, i) => (
          <label key={c.id} className={`choice${picked.has(c.id) ? ' picked' : ''}`}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name="answer"
              value={c.id}
              checked={picked.has(c.id)}
              onChange={() => {
                if (!multi) onChange(c.id);
                else onChange(picked.has(c.id) ? [...picked].filter((x) => x !== c.id) : [...picked, c.id]);
              }}
            />
            <span className="choice-key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{c.text}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.kind === 'order') {
    const order = Array.isArray(draft) ? draft : [];
    const move = (from: number, to: number) => {
      if (to < 0 || to >= order.length) return;
      const next = order.slice();
      const [x] = next.splice(from, 1);
      if (x !== undefined) next.splice(to, 0, x);
      onChange(next);
    };
    return (
      <ol className="order-list" aria-label="Put these in order">
        {order.map((id, i) => (
          <li key={id}>
            <span>{choices.find((c) => c.id === id)?.text}</span>
            <span className="order-buttons">
              <button type="button" className="secondary" disabled={disabled || i === 0} onClick={() => move(i, i - 1)} aria-label={`Move up: ${choices.find((c) => c.id === id)?.text}`}>
                ↑
              </button>
              <button type="button" className="secondary" disabled={disabled || i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move down: ${choices.find((c) => c.id === id)?.text}`}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="field" style={{ maxWidth: '22rem' }}>
      <label htmlFor="answer-input">Your answer{q.unit ? ` (${q.unit})` : ''}</label>
      <input
        id="answer-input"
        // A fresh question puts the cursor in its answer box, so the keyboard alone is enough.
        autoFocus
        type="text"
        inputMode={q.kind === 'number' ? 'decimal' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={typeof draft === 'string' ? draft : ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        placeholder={q.kind === 'number' ? 'e.g. 27' : q.textMatch === 'cidr' ? 'e.g. 10.0.16.0/20' : ''}
      />
    </div>
  );
}
