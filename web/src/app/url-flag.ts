// An on/off key of a link: 1/0 (as the app writes it) or true/false; anything else is a mistake to
// report, not a silent "off" (embed=2 once showed the full page without a word).
export function parseFlag(value: string): boolean | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

// A reader for parseState's read(): sets the flag and says whether the value was one.
export function flagReader(set: (on: boolean) => void): (value: string) => boolean {
  return (value) => {
    const on = parseFlag(value);
    if (on === null) return false;
    set(on);
    return true;
  };
}
