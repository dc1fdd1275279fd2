/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { ZWidgetSpec } from '@/lib/content/check-lesson';
import { LessonWidget } from '../lesson-widget';

const spec = (json: unknown) => ZWidgetSpec.parse(json);

describe('LessonWidget', () => {
  it('renders the CIDR calculator for a cidr-calculator spec', () => {
    render(<LessonWidget spec={spec({ type: 'cidr-calculator', cidr: '10.0.0.0/27' })} />);
    expect(screen.getByTestId('widget-cidr')).toBeInTheDocument();
    expect(screen.getByLabelText('CIDR block')).toHaveValue('10.0.0.0/27');
  });

  it('renders the cross-zone calculator for a cross-zone spec', () => {
    render(<LessonWidget spec={spec({ type: 'cross-zone', targetsPerZone: [2, 8], crossZone: true })} />);
    expect(screen.getByTestId('widget-cross-zone')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Cross-zone load balancing' })).toBeChecked();
  });

  it('renders the NACL playground for a nacl-playground spec', () => {
    render(
      <LessonWidget
        spec={spec({
          type: 'nacl-playground',
          rules: [{ ruleNumber: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }],
          packet: { protocol: 'udp', port: 53, address: '192.0.2.1' },
        })}
      />,
    );
    expect(screen.getByTestId('nacl-verdict')).toHaveTextContent('Allowed by rule 100');
  });

  it('renders every widget with its defaults when the spec gives only the type', () => {
    render(
      <>
        <LessonWidget spec={{ type: 'cidr-calculator' }} />
        <LessonWidget spec={{ type: 'cross-zone' }} />
        <LessonWidget spec={{ type: 'nacl-playground' }} />
      </>,
    );
    expect(screen.getByLabelText('CIDR block')).toHaveValue('10.0.0.0/24');
    expect(screen.getByRole('switch', { name: 'Cross-zone load balancing' })).not.toBeChecked();
    expect(screen.getByTestId('nacl-verdict')).toHaveTextContent('Allowed by rule 100');
  });

  it('a malformed NACL spec shows the core errors instead of crashing', () => {
    render(<LessonWidget spec={spec({ type: 'nacl-playground', rules: [{ ruleNumber: 100, protocol: 'tcp', cidr: 'nope' }], packet: {} })} />);
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
    expect(screen.getByTestId('nacl-verdict')).toHaveTextContent('No verdict yet');
  });
});
