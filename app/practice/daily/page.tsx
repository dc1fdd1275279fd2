import 'katex/dist/katex.min.css';
import './daily.css';
import { requireUser } from '@/lib/server/session';
import { DailyPractice } from './daily-practice';

export const metadata = { title: 'Daily practice' };

/** /practice/daily — the signed-in student's quiz for today; guests are sent to sign in first. */
export default async function DailyPracticePage() {
  await requireUser('/practice/daily');
  return <DailyPractice />;
}
