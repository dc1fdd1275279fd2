// POST /api/practice/next — the next practice question, in its public form (no key, no
// explanation). Body: { scope: topic | "all" | "mistakes", sessionSeed, index }. Anyone may
// practise a topic; "mistakes" (items the user got wrong) needs a signed-in user.
import { NextResponse } from 'next/server';
import { toPublic } from '@/lib/questions';
import { pickPracticeItem } from '@/lib/questions/practice-pick';
import { ZNextQuestion } from '@/lib/validation/practice';
import { buildQuestion, practiceItems } from '@/lib/server/practice-pool';
import { mistakeItems } from '@/lib/server/mistakes';
import { readJson } from '@/lib/server/read-json';
import { getCurrentUser } from '@/lib/server/session';

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZNextQuestion.safeParse(body.value);
  if (!parsed.success) return NextResponse.json({ message: parsed.error.issues[0]?.message ?? 'Invalid request.' }, { status: 400 });
  const { scope } = parsed.data;
  let items;
  if (scope === 'mistakes') {
    const user = await getCurrentUser();
    if (!user) return NextResponse.json({ message: 'Sign in to practise your mistakes.' }, { status: 401 });
    items = await mistakeItems(user.id);
    if (items.length === 0) return NextResponse.json({ message: 'You have no mistakes to practise yet.' }, { status: 404 });
  } else {
    items = practiceItems(scope);
    if (items.length === 0) return NextResponse.json({ message: 'There are no questions for this topic yet.' }, { status: 404 });
  }
  const pick = pickPracticeItem(items, parsed.data.sessionSeed, parsed.data.index);
  const question = buildQuestion(pick.itemId, pick.seed);
  if (!question) return NextResponse.json({ message: 'That question is no longer available.' }, { status: 404 });
  return NextResponse.json({ question: toPublic(question) }, { headers: { 'cache-control': 'no-store' } });
}
