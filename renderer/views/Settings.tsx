/** Placeholder: filled in by the view's own work. */
export function SettingsView() {
  return <p>Settings</p>;
}
