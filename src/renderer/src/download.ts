/**
 * Starts a browser download of a same-origin URL (the browser host's one-time `/download/<id>`) through a
 * hidden `<a download>`: no window.open, no foreign address (the CSP allows same-origin only).
 */
export function startDownload(url: string): boolean {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin) return false;
  const link = document.createElement('a');
  link.href = target.href;
  link.download = '';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  return true;
}
