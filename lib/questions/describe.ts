/** Responses in words, for feedback and history (pure: used on the server and in the browser). */

/** The shape of a question needed to put a stored response into words. */
export interface ResponseContext {
  kind: string;
  choices?: readonly { id: string; text: string }[];
  unit?: string;
}

/**
 * A stored response in words: choice ids become their texts (in order for an ordering, joined
 * with "; " for several choices), a number gets its unit. Without a context (the question can no
 * longer be rebuilt) the raw values are shown. Anything unreadable gives null.
 */
export function describeResponse(response: unknown, q?: ResponseContext): string | null {
  const text = (id: string) => q?.choices?.find((c) => c.id === id)?.text ?? id;
  if (typeof response === 'number' && Number.isFinite(response)) return q?.unit ? `${response} ${q.unit}` : String(response);
  if (typeof response === 'string') return q?.kind === 'single' || q?.kind === 'multiple' || q?.kind === 'order' ? text(response) : response;
  if (Array.isArray(response) && response.every((r): r is string => typeof r === 'string')) {
    return response.map(text).join(q?.kind === 'order' ? ' → ' : '; ');
  }
  return null;
}
