/** Placeholder: filled in by the view's own work. */
export function AlertsView() {
  return <p>Alerts</p>;
}
