import { isURL, registerDecorator } from 'class-validator';

const ORCID_FORMAT = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** An ORCID iD in its 16-character form with a right ISO 7064 MOD 11-2 check character. */
export function isOrcid(value: unknown): boolean {
  if (typeof value !== 'string' || !ORCID_FORMAT.test(value)) return false;
  const digits = value.replace(/-/g, '');
  let total = 0;
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? 'X' : String(check));
}

/** An https URL on one of these hosts (any host when none are given). */
export function isHttpsUrl(value: unknown, hosts: string[] = []): boolean {
  if (typeof value !== 'string') return false;
  if (!isURL(value, { protocols: ['https'], require_protocol: true, require_tld: true })) return false;
  const host = new URL(value).hostname.toLowerCase();
  return hosts.length === 0 || hosts.includes(host);
}

function propertyRule(name: string, validate: (value: unknown) => boolean, message: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      validator: { validate, defaultMessage: () => message },
    });
}

export const IsOrcid = () =>
  propertyRule('isOrcid', isOrcid, 'an ORCID iD like 0000-0002-1825-0097 (with its check digit)');

export const IsResearchmapUrl = () =>
  propertyRule(
    'isResearchmapUrl',
    (value) => isHttpsUrl(value, ['researchmap.jp']),
    'an https://researchmap.jp/ address',
  );

export const IsHttpsUrl = () =>
  propertyRule('isHttpsUrl', (value) => isHttpsUrl(value), 'an https:// address');
