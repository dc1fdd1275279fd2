import { ComingSoon } from '../components/coming-soon';

export const metadata = { title: 'Exam' };

export default function ExamPage() {
  return (
    <ComingSoon title="Practice exam">
      <p>Timed practice exams shaped like ANS-C01: 65 questions in 170 minutes, weighted by exam domain.</p>
    </ComingSoon>
  );
}
