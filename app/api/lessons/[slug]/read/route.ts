// POST /api/lessons/:slug/read — mark a lesson read; DELETE — unmark it. Signed-in users only.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { markLessonRead, unmarkLessonRead } from '@/lib/server/lesson-progress';
import { getLesson } from '@/lib/content/load-lessons';
import { ZLessonSlug } from '@/lib/validation/lessons';

type Ctx = { params: Promise<{ slug: string }> };

async function handle(ctx: Ctx, read: boolean) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in to keep track of your reading.' }, { status: 401 });
  const slug = ZLessonSlug.safeParse((await ctx.params).slug);
  if (!slug.success || !getLesson(slug.data)) return NextResponse.json({ message: 'There is no such lesson.' }, { status: 404 });
  if (read) await markLessonRead(user.id, slug.data);
  else await unmarkLessonRead(user.id, slug.data);
  return NextResponse.json({ slug: slug.data, read });
}

export async function POST(_request: Request, ctx: Ctx) {
  return handle(ctx, true);
}

export async function DELETE(_request: Request, ctx: Ctx) {
  return handle(ctx, false);
}
