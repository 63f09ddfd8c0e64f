/** Placeholder: filled in by the view's own work. */
export function CreditsView() {
  return <p>Credits</p>;
}
