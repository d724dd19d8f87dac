/**
 * ORCID iDs (https://orcid.org): sixteen characters in four groups, the last a check digit
 * (ISO 7064 MOD 11-2, `X` for ten). Editors may write the bare iD or its address; the site
 * publishes the address.
 */

const ORCID = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i;

/** The check character of the first fifteen digits of an ORCID iD. */
export function orcidCheckCharacter(digits: string): string {
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** The iD's canonical address (`https://orcid.org/0000-0002-1825-0097`), or undefined when it is not a valid iD. */
export function orcidUrl(value: string): string | undefined {
  const match = ORCID.exec(value.trim());
  if (!match?.[1]) return undefined;
  const id = match[1].toUpperCase();
  const digits = id.replace(/-/g, '');
  if (orcidCheckCharacter(digits.slice(0, 15)) !== digits.slice(15)) return undefined;
  return `https://orcid.org/${id}`;
}
