import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Card } from '../../../renderer/components/Card';

describe('Card', () => {
  it('is a region named by its heading', () => {
    render(
      <>
        <Card title="Balance">
          <p>$42.10</p>
        </Card>
        <Card title="Next events">
          <p>None</p>
        </Card>
      </>,
    );
    const region = screen.getByRole('region', { name: 'Balance' });
    expect(region).toHaveTextContent('$42.10');
    expect(region).not.toHaveTextContent('None');
    const heading = screen.getByRole('heading', { level: 2, name: 'Next events' });
    expect(screen.getByRole('region', { name: 'Next events' })).toHaveAttribute(
      'aria-labelledby',
      heading.id,
    );
  });

  it('without a title is a plain section, named by nothing', () => {
    const { container } = render(
      <Card>
        <p>text</p>
      </Card>,
    );
    expect(container.querySelector('section')).not.toHaveAttribute('aria-labelledby');
    expect(screen.queryByRole('region')).toBeNull();
  });
});
