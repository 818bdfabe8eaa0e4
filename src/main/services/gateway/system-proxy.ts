/**
 * Turns the operating system's proxy answer for https://rest.messagebird.com into a proxy URL the
 * transport can tunnel through. The answer is a PAC result as Chromium gives it ("DIRECT",
 * "PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port"): the first entry this transport can
 * use wins, as Chromium itself would try them in order. SOCKS is not supported by the CONNECT tunnel,
 * so a SOCKS-only answer means direct, with the reason for the diagnostics log.
 */
export type SystemProxyAnswer = { proxyUrl: string } | { direct: true; skipped?: string };

const HOST_PORT = /^\[?[A-Za-z0-9.:-]+\]?:\d{1,5}$/;

export function proxyFromPacResult(result: string): SystemProxyAnswer {
  const skipped: string[] = [];
  for (const entry of result.split(';').map((e) => e.trim()).filter(Boolean)) {
    const [kind = '', hostPort = ''] = entry.split(/\s+/);
    const scheme = kind.toUpperCase();
    if (scheme === 'DIRECT') return skipped.length ? { direct: true, skipped: skipped.join(', ') } : { direct: true };
    if ((scheme === 'PROXY' || scheme === 'HTTPS') && HOST_PORT.test(hostPort)) {
      return { proxyUrl: `${scheme === 'HTTPS' ? 'https' : 'http'}://${hostPort}` };
    }
    skipped.push(entry);
  }
  return skipped.length ? { direct: true, skipped: skipped.join(', ') } : { direct: true };
}
