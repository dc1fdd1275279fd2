/**
 * Pieces shared by the lesson widgets: the frame (a captioned figure), the worked-steps list, a
 * field's inline error, and `attempt`, which turns the core's CalcError into a message to show.
 */
import type { ReactNode } from 'react';
import { CalcError } from '@/lib/calc/errors';
import type { Step } from '@/lib/calc/steps';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Run a core calculation. Bad input is the core's CalcError, whose message is written for the
 * student; anything else is a bug, shown as a neutral message (and logged) so one broken widget
 * never takes the lesson page down with it.
 */
export function attempt<T>(calc: () => T): Attempt<T> {
  try {
    return { ok: true, value: calc() };
  } catch (error) {
    if (error instanceof CalcError) return { ok: false, error: error.message };
    console.error(error);
    return { ok: false, error: 'This calculation failed unexpectedly. Try different values.' };
  }
}

const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A share for display: at most two decimals and a non-breaking space before the sign ("6.25 %"). */
export function formatPercent(value: number): string {
  return `${PERCENT.format(value)}\u00a0%`;
}

/** A count with thousands separators; works for the bigints of IPv6 blocks too. */
export function formatCount(value: number | bigint): string {
  return value.toLocaleString('en-US');
}

/** The captioned frame every widget sits in, with its stable test id. */
export function WidgetFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <figure className="widget" data-testid={testId}>
      <figcaption className="widget-title">{title}</figcaption>
      {children}
    </figure>
  );
}

/** The error under a field: announced when it appears, and named by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (message === null) return null;
  return (
    <p id={id} className="field-error widget-error" role="alert">
      {message}
    </p>
  );
}

export interface StepGroup {
  title: string;
  steps: Step[];
}

/** The core's worked steps, grouped by the calculation they explain. */
export function WorkedSteps({ groups }: { groups: StepGroup[] }) {
  const shown = groups.filter((g) => g.steps.length > 0);
  if (shown.length === 0) return null;
  return (
    <details className="widget-steps" open>
      <summary>Worked steps</summary>
      {shown.map((group) => (
        <div key={group.title} className="widget-step-group">
          <p className="widget-step-title">{group.title}</p>
          <ol>
            {group.steps.map((step, i) => (
              <li key={i} className={stepClass(step)}>
                {step.text}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}

/** Steps that say whether a rule matched (`values.matches`) are marked so the list reads at a glance. */
function stepClass(step: Step): string | undefined {
  const matches = step.values?.matches;
  if (matches === true) return 'is-match';
  if (matches === false) return 'is-skip';
  return undefined;
}

/** ids for aria-describedby: the hint always, the error only while there is one. */
export function describedBy(...ids: (string | null | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

export type NumberText = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'junk'; text: string };

/**
 * Read a number typed into a text field. Only the form's question ("is this a number at all?")
 * is answered here; whether the number is allowed is the core's to say.
 */
export function readNumber(text: string): NumberText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const value = Number(t);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'junk', text: t };
}
