/** Hands text to the browser as a file download (a Blob URL and `<a download>`): works in Electron and in browser mode. */
export function downloadFile({
  filename,
  mediaType,
  content,
}: {
  filename: string;
  mediaType: string;
  content: string;
}) {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
