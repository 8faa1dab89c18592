/**
 * ISO 4217 currency codes as listed by the ICU data of the running Node.js
 * (`Intl.supportedValuesOf('currency')`, 162 codes on Node 20.20). Codes
 * that ICU lacks, such as a currency introduced after the Node.js release,
 * are rejected until Node.js is updated.
 */
const currencyCodes: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Tells whether `code` is an ISO 4217 currency code, in upper case. */
export function isCurrencyCode(code: string): boolean {
  return currencyCodes.has(code);
}
