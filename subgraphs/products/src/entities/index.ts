import { OutboxEvent } from '#platform/outbox';
import { Category } from './category.entity';
import { Product } from './product.entity';
import { ProductVariant } from './product-variant.entity';

export { Category, Product, ProductVariant };
export { ProductStatus, TaxClass } from './product-enums';
export { ProductOption, SelectedOption, Image } from './product-values';

export const entities = [Category, Product, ProductVariant, OutboxEvent];
