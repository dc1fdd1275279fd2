'use client';
/**
 * A lesson's ```widget block, rendered as the live calculator its spec names. The spec has been
 * checked against ZWidgetSpec by the lesson renderer and by the content tests.
 */
import type { TWidgetSpec } from '@/lib/content/check-lesson';
import { CidrCalculator } from './cidr-calculator';
import { CrossZoneCalculator } from './cross-zone-calculator';
import { NaclPlayground } from './nacl-playground';
import './widgets.css';

export function LessonWidget({ spec }: { spec: TWidgetSpec }) {
  switch (spec.type) {
    case 'cidr-calculator':
      return <CidrCalculator cidr={spec.cidr} />;
    case 'cross-zone':
      return <CrossZoneCalculator targetsPerZone={spec.targetsPerZone} crossZone={spec.crossZone} />;
    case 'nacl-playground':
      return <NaclPlayground rules={spec.rules} packet={spec.packet} />;
    default: {
      // Unreachable while every ZWidgetSpec type has a case; a new type fails to compile here.
      const unhandled: never = spec;
      console.error('Unknown lesson widget', unhandled);
      return null;
    }
  }
}
