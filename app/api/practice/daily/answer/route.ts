// POST /api/practice/daily/answer — grade the answer to one position of the user's daily quiz.
// Body: { day, position, generatorId, version, seed, response, timeTakenMs }.
// Answers { result, saved: { correct, duplicate }, state } with the quiz state after the answer.
import { NextResponse } from 'next/server';
import { ZDailyAnswer } from '@/lib/validation/practice';
import { answerDaily } from '@/lib/server/daily-quiz';
import { BusyCardError } from '@/lib/server/save-answer';
import { getCurrentUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';
import { readJson } from '@/lib/server/read-json';

export async function POST(request: Request) {
  const sessionUser = await getCurrentUser();
  if (!sessionUser) return NextResponse.json({ message: 'Sign in to do your daily practice.' }, { status: 401 });
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZDailyAnswer.safeParse(body.value);
  if (!parsed.success) return NextResponse.json({ message: parsed.error.issues[0]?.message ?? 'Invalid answer.' }, { status: 400 });
  const user = await getUserSettings(sessionUser.id);
  if (!user) return NextResponse.json({ message: 'Your account no longer exists. Sign in again.' }, { status: 401 });
  try {
    const outcome = await answerDaily(user, parsed.data, new Date());
    if (!outcome.ok) return NextResponse.json({ message: outcome.message }, { status: outcome.status });
    return NextResponse.json({
      result: outcome.result,
      saved: { correct: outcome.saved.correct, duplicate: outcome.saved.duplicate },
      state: outcome.state,
    });
  } catch (e) {
    if (e instanceof BusyCardError) return NextResponse.json({ message: e.message }, { status: 409 });
    throw e;
  }
}
