'use client';
import { useId, useState, useSyncExternalStore } from 'react';
import { isValidTimeZone } from '@/lib/practice/day';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from '@/lib/practice/schedule';
import { MAX_QUIZ_SIZE, MIN_QUIZ_SIZE } from '@/lib/practice/compose';
import { fieldErrorsOf, ZSettings, type SettingsField, type TSettings } from '@/lib/validation/settings';

type FieldErrors = Partial<Record<SettingsField, string>>;

const MIN_PCT = Math.round(MIN_DESIRED_RETENTION * 100);
const MAX_PCT = Math.round(MAX_DESIRED_RETENTION * 100);

const noSubscription = () => () => {};
function deviceTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(zone) ? zone : null;
}

/** The browser's own time zone; null while rendering on the server. */
function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, deviceTimeZone, () => null);
}

const utcFirst = (a: string, b: string) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b));

/** A slider's position for what is typed in its number box (the nearest end when out of range). */
function sliderValue(text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** Daily quiz size, desired retention and time zone; checked as the server checks them, then saved. */
export function SettingsForm({ initial, timeZones }: { initial: TSettings; timeZones: string[] }) {
  const id = useId();
  const [size, setSize] = useState(String(initial.dailySize));
  const [retention, setRetention] = useState(String(Math.round(initial.desiredRetention * 100)));
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const device = useDeviceTimeZone();
  // A device zone this server's Intl lists under another name (an alias) is offered too, in order after UTC.
  const zones = device && !timeZones.includes(device) ? [...timeZones, device].sort(utcFirst) : timeZones;
  const pct = sliderValue(retention, MIN_PCT, MAX_PCT);

  function edited() {
    if (status === 'saved') setStatus('idle');
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      dailySize: size.trim() === '' ? undefined : Number(size),
      desiredRetention: retention.trim() === '' ? undefined : Number(retention) / 100,
      timeZone,
    };
    const parsed = ZSettings.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf<SettingsField>(parsed.error.issues));
      setFormError(null);
      setStatus('idle');
      return;
    }
    setErrors({});
    setFormError(null);
    setStatus('saving');
    try {
      const res = await fetch('/api/me/settings', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(parsed.data),
      });
      const body = (await res.json().catch(() => ({}))) as Partial<TSettings> & { message?: string; fieldErrors?: FieldErrors };
      if (!res.ok) {
        if (body.fieldErrors && Object.keys(body.fieldErrors).length > 0) setErrors(body.fieldErrors);
        else setFormError(body.message ?? 'Your settings could not be saved. Please try again.');
        setStatus('idle');
        return;
      }
      if (typeof body.dailySize === 'number') setSize(String(body.dailySize));
      if (typeof body.desiredRetention === 'number') setRetention(String(Math.round(body.desiredRetention * 100)));
      if (typeof body.timeZone === 'string') setTimeZone(body.timeZone);
      setStatus('saved');
    } catch {
      setFormError('The server could not be reached. Check your connection and try again.');
      setStatus('idle');
    }
  }

  const describedBy = (field: SettingsField, hint: string) => `${hint}${errors[field] ? ` ${id}-${field}-error` : ''}`;
  const fieldError = (field: SettingsField) =>
    errors[field] && (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {errors[field]}
      </p>
    );

  return (
    <form className="stack" method="post" noValidate onSubmit={onSubmit} aria-busy={status === 'saving'}>
      {formError && (
        <p className="alert error" role="alert">
          {formError}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-size`}>Questions per daily quiz</label>
        <div className="range-row">
          <input
            id={`${id}-size`}
            name="dailySize"
            type="number"
            inputMode="numeric"
            min={MIN_QUIZ_SIZE}
            max={MAX_QUIZ_SIZE}
            step={1}
            value={size}
            onChange={(e) => {
              setSize(e.target.value);
              edited();
            }}
            aria-invalid={errors.dailySize ? true : undefined}
            aria-describedby={describedBy('dailySize', `${id}-size-hint`)}
          />
          <input
            type="range"
            aria-label="Questions per daily quiz, slider"
            min={MIN_QUIZ_SIZE}
            max={MAX_QUIZ_SIZE}
            step={1}
            value={sliderValue(size, MIN_QUIZ_SIZE, MAX_QUIZ_SIZE)}
            onChange={(e) => {
              setSize(e.target.value);
              edited();
            }}
          />
        </div>
        <p className="hint" id={`${id}-size-hint`}>
          From {MIN_QUIZ_SIZE} to {MAX_QUIZ_SIZE}. Today’s quiz is already composed, so a new size applies from your next
          daily quiz.
        </p>
        {fieldError('dailySize')}
      </div>

      <div className="field">
        <label htmlFor={`${id}-retention`}>Desired retention (%)</label>
        <div className="range-row">
          <input
            id={`${id}-retention`}
            name="desiredRetention"
            type="number"
            inputMode="numeric"
            min={MIN_PCT}
            max={MAX_PCT}
            step={1}
            value={retention}
            onChange={(e) => {
              setRetention(e.target.value);
              edited();
            }}
            aria-invalid={errors.desiredRetention ? true : undefined}
            aria-describedby={describedBy('desiredRetention', `${id}-retention-hint`)}
          />
          <input
            type="range"
            aria-label="Desired retention, slider"
            aria-valuetext={`${pct}%`}
            min={MIN_PCT}
            max={MAX_PCT}
            step={1}
            value={pct}
            onChange={(e) => {
              setRetention(e.target.value);
              edited();
            }}
          />
          <output className="range-value" htmlFor={`${id}-retention`} aria-hidden="true">
            {pct}%
          </output>
        </div>
        <p className="hint" id={`${id}-retention-hint`}>
          How likely you want to be to still remember an answer when it comes back for review ({MIN_PCT}–{MAX_PCT}%).
          Higher means more reviews, spaced closer together.
        </p>
        {fieldError('desiredRetention')}
      </div>

      <div className="field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <select
          id={`${id}-zone`}
          name="timeZone"
          value={timeZone}
          onChange={(e) => {
            setTimeZone(e.target.value);
            edited();
          }}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={describedBy('timeZone', `${id}-zone-hint`)}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-zone-hint`}>
          Your day — for the daily quiz and your streak — starts at midnight in this zone.
          {device === timeZone && ' It matches this device.'}
        </p>
        {device && device !== timeZone && (
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setTimeZone(device);
                edited();
              }}
            >
              Use my time zone ({device.replace(/_/g, ' ')})
            </button>
          </p>
        )}
        {fieldError('timeZone')}
      </div>

      <div className="form-actions">
        <button type="submit" disabled={status === 'saving'}>
          {status === 'saving' ? 'Saving…' : 'Save settings'}
        </button>
        <p className="save-status" role="status">
          {status === 'saved' && 'Settings saved. A new quiz size applies from your next daily quiz.'}
        </p>
      </div>
    </form>
  );
}
