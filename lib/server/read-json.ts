import 'server-only';

const MAX_BODY_BYTES = 64 * 1024;

/** Read a JSON request body without throwing: malformed or oversized bodies become a message for a 400. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const text = await request.text().catch(() => null);
  if (text === null) return { ok: false, message: 'The request body could not be read.' };
  if (text.length > MAX_BODY_BYTES) return { ok: false, message: 'The request body is too large.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'The request body must be JSON.' };
  }
}
