const PERSIAN_ZERO = 0x06f0; // ۰ … ۹ = U+06F0 … U+06F9
const ARABIC_INDIC_ZERO = 0x0660; // ٠ … ٩ = U+0660 … U+0669

/**
 * Converts Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9; every other character is
 * left as it is. Iranian keyboards type the Persian digits, Arabic ones arrive from pasted text,
 * and both look alike on screen, so every edge that reads a number should go through this.
 */
export function normaliseDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
}
