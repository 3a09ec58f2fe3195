import type { RequestContext } from '#libs/core';

/** Longer User-Agent headers are cut: enough to tell a browser and device apart. */
export const USER_AGENT_MAX = 300;

// control characters (tab, line feed and carriage return included) and unpaired UTF-16 surrogates
const UNSAFE = /\p{Cc}|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * The client's User-Agent as the owner will see it in their session list: text from outside,
 * so what may not be stored or shown is dropped, spaces are collapsed and it is cut to a
 * sane length (whole characters). Nothing left: null.
 */
export function cleanUserAgent(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return null;
  const cleaned = raw.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const cut = Array.from(cleaned).slice(0, USER_AGENT_MAX).join('').trim();
  return cut || null;
}

/** The cleaned User-Agent of the request being answered. */
export function userAgentOf(context: RequestContext): string | null {
  return cleanUserAgent(context.req?.headers['user-agent']);
}
