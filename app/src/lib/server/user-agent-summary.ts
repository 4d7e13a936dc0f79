/**
 * "Firefox on Linux" from a `User-Agent` header, for a person's list of their sessions. Only the
 * browser and system names from the fixed lists below are kept, never the header itself: it is
 * whatever the client sent (any length, any characters) and shown back on a page.
 */
export interface UserAgentSummary {
  browser: string | null;
  system: string | null;
}

/** Checked in order: Edge and Opera also name Chrome, Chrome also names Safari. */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|Chromium|CriOS|HeadlessChrome)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** Checked in order: Android also names Linux, iOS also names "like Mac OS X". */
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** The browser and system named by `userAgent`, each null when not recognised. */
export function summarizeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  const text = (userAgent ?? '').slice(0, 1000);
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(text))?.[1] ?? null,
    system: SYSTEMS.find(([pattern]) => pattern.test(text))?.[1] ?? null,
  };
}

/** `Browser|System` as stored in `sessions.user_agent` (null when neither is known). */
export function storedUserAgent(userAgent: string | null | undefined): string | null {
  const { browser, system } = summarizeUserAgent(userAgent);
  return browser || system ? `${browser ?? ''}|${system ?? ''}` : null;
}

/** The stored form read back; unknown parts are null. */
export function readStoredUserAgent(stored: string | null): UserAgentSummary {
  const [browser, system] = (stored ?? '').split('|');
  return { browser: browser || null, system: system || null };
}
