/** Saves a file from the page: a same-origin Blob URL on a link, clicked; nothing leaves the page. */
export function download(name: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob when the download starts, which a click does not wait for.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
