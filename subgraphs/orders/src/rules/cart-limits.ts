/** What one cart may hold: as many lines as the catalog prices in one read, and the engine's quantity bound. */
export const MAX_CART_LINES = 250;
export const MAX_LINE_QUANTITY = 999;
export const MAX_DISCOUNT_CODES = 20;
export const MAX_CODE_LENGTH = 64;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_FIELD_LENGTH = 255;
