import { ComingSoon } from '../components/coming-soon';

export const metadata = { title: 'Lessons' };

export default function LessonsPage() {
  return (
    <ComingSoon title="Lessons">
      <p>The course outline appears here.</p>
    </ComingSoon>
  );
}
