'use client';
import { useEffect } from 'react';
import type { PublicQuestion } from '@/lib/questions';
import type { Draft } from './answer-input';

interface Options {
  /** 'answering' and 'feedback' take keys; any other phase ignores them. */
  phase: string;
  question: PublicQuestion | null;
  draft: Draft;
  setDraft: (d: Draft) => void;
  submit: () => void;
  next: () => void;
}

/** Keyboard use of a question page: 1–9 pick a choice, Enter checks the answer or moves on. */
export function useAnswerKeys({ phase, question, draft, setDraft, submit, next }: Options) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text';
      if (e.key === 'Enter') {
        // A focused button or link, or the text box's form, handles Enter itself.
        if (target?.tagName === 'BUTTON' || target?.tagName === 'A' || typing) return;
        if (phase === 'answering') {
          e.preventDefault();
          submit();
        } else if (phase === 'feedback') {
          e.preventDefault();
          next();
        }
        return;
      }
      if (typing || phase !== 'answering' || !question?.choices || !/^[1-9]$/.test(e.key)) return;
      const choice = question.choices[Number(e.key) - 1];
      if (!choice) return;
      e.preventDefault();
      if (question.kind === 'single') setDraft(choice.id);
      else if (question.kind === 'multiple') {
        const picked = Array.isArray(draft) ? draft : [];
        setDraft(picked.includes(choice.id) ? picked.filter((x) => x !== choice.id) : [...picked, choice.id]);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, question, draft, setDraft, submit, next]);
}
