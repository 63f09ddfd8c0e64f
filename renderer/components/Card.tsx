import { useId, type ReactNode } from 'react';

/**
 * A titled section of a view; the title is a real heading for screen-reader navigation, and it names
 * the section, so the section is a region a screen reader can list and jump to.
 */
export function Card({
  title,
  children,
  className,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <h2 id={headingId} className="card__title">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
