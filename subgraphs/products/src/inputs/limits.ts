/** Length and count limits of catalog fields, shared by inputs and the seeder. */
export const LIMITS = {
  name: 255,
  handle: 255,
  description: 20_000,
  tags: 250,
  options: 3,
  optionValues: 100,
  images: 50,
  url: 2_048,
  variantsPerProduct: 100,
  sku: 64,
  barcode: 64,
} as const;

/** Lower-case words joined by single hyphens: "trail-hardtail-29". */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HANDLE_MESSAGE = 'handle may hold only lower-case letters, digits and single hyphens';
/** Letters, digits and . _ - / ; no spaces, so a SKU survives barcode labels and URLs. */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
export const BARCODE_PATTERN = /^[A-Za-z0-9-]+$/;
