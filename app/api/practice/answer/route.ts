// POST /api/practice/answer — grade an answer on the server; anyone. Signed-in users' attempts
// are stored (once per question) and move the item's FSRS card.
// Body: { generatorId, version, seed, response, timeTakenMs, source? }.
import { NextResponse } from 'next/server';
import { score } from '@/lib/questions';
import { ZSubmitAnswer } from '@/lib/validation/practice';
import { rebuildQuestion } from '@/lib/server/practice-pool';
import { BusyCardError, saveAnswer } from '@/lib/server/save-answer';
import { getCurrentUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';
import { readJson } from '@/lib/server/read-json';

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZSubmitAnswer.safeParse(body.value);
  if (!parsed.success) return NextResponse.json({ message: parsed.error.issues[0]?.message ?? 'Invalid answer.' }, { status: 400 });
  const { generatorId, version, seed, response, timeTakenMs, source } = parsed.data;
  const rebuilt = rebuildQuestion(generatorId, version, seed);
  if (!rebuilt.ok) {
    return rebuilt.reason === 'outdated'
      ? NextResponse.json({ message: 'This question has been updated since it was shown. Move on to the next one.' }, { status: 409 })
      : NextResponse.json({ message: 'There is no such question.' }, { status: 404 });
  }
  const result = score(rebuilt.question, response);
  if (result.status === 'invalid') return NextResponse.json({ message: result.message }, { status: 422 });
  const sessionUser = await getCurrentUser();
  const user = sessionUser ? await getUserSettings(sessionUser.id) : null;
  try {
    const saved = user ? await saveAnswer({ user, question: rebuilt.question, response, result, timeTakenMs, source, now: new Date() }) : null;
    // A repeated submission gets the verdict of the first one.
    const correct = saved ? saved.correct : result.correct;
    return NextResponse.json({ result: { ...result, correct }, saved: saved !== null, duplicate: saved?.duplicate ?? false });
  } catch (e) {
    if (e instanceof BusyCardError) return NextResponse.json({ message: e.message }, { status: 409 });
    throw e;
  }
}
