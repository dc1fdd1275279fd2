import Link from 'next/link';
import 'katex/dist/katex.min.css';
import { requireUser } from '@/lib/server/session';
import { mistakeItems } from '@/lib/server/mistakes';
import { PracticeSession } from '../components/practice-session';

export const metadata = { title: 'Practise my mistakes' };
export const dynamic = 'force-dynamic';

/** A practice session drawn from the questions the signed-in user got wrong (most recent first). */
export default async function MistakesPage() {
  const user = await requireUser('/practice/mistakes');
  const items = await mistakeItems(user.id);
  if (items.length === 0) {
    return (
      <section className="practice" aria-labelledby="mistakes-title">
        <h1 id="mistakes-title">Practise my mistakes</h1>
        <div className="card" data-testid="no-mistakes">
          <p style={{ marginTop: 0 }}>
            You have no mistakes to practise: every question you answered so far was right, or you have not answered any yet.
          </p>
          <p style={{ marginBottom: 0 }}>
            Questions you get wrong gather here so you can try them again with fresh numbers. Meanwhile, try{' '}
            <Link href="/practice/daily">today’s daily practice</Link> or <Link href="/practice">practise a topic</Link>.
          </p>
        </div>
      </section>
    );
  }
  return <PracticeSession scope="mistakes" title="Practise my mistakes" />;
}
