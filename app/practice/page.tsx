import { ComingSoon } from '../components/coming-soon';

export const metadata = { title: 'Practice' };

export default function PracticePage() {
  return (
    <ComingSoon title="Practice">
      <p>Practice by topic, with questions generated from a seed and graded by the calculation core, and a daily quiz scheduled by spaced repetition.</p>
    </ComingSoon>
  );
}
