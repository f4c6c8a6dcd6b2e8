/**
 * The two storefront pages the performance figures are measured on, as a web store's product
 * list and product detail pages ask for them (anonymous, WEB channel).
 */

/** 24 products of the WEB channel with price range, first image, five variants with price and availability, and total stock. */
export const PRODUCT_LIST_PAGE = `query ProductListPage {
  products(first: 24, filter: { channel: WEB }) {
    nodes {
      id
      handle
      title
      priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
      images { url altText }
      totalInventory
      variants(first: 5) { nodes { id sku title price { amount currencyCode } availableForSale } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One product by handle: every variant with its stock at each location and the three pickup stores nearest the shopper. */
export const PRODUCT_PAGE = `query ProductPage($handle: String!) {
  product(handle: $handle) {
    id
    title
    description
    images { url altText }
    options { name values }
    variants(first: 20) {
      nodes {
        id
        sku
        title
        price { amount currencyCode }
        compareAtPrice { amount currencyCode }
        availableForSale
        inventory { available levels { id available location { id name } } }
        storeAvailability(near: { latitude: 52.52, longitude: 13.405 }, first: 3) { id available distanceKm location { id name } }
      }
    }
  }
}`;

/** A 20-line guest cart with a code, as the cart page reads it: lines, cost and warnings, priced afresh. */
export const CART_PAGE = `query CartPage($id: ID!) {
  cart(id: $id) {
    id
    lines(first: 100) { nodes { id sku quantity unitPrice { amount } cost { total { amount } } } }
    cost { subtotal { amount } discountTotal { amount } taxTotal { amount } total { amount } }
    warnings { code lineId }
  }
}`;
