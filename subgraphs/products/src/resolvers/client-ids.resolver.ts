import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Image } from '../entities/product-values';

/** Ids of what a client cache keeps; an image is the same object wherever its URL shows. */
@Resolver(() => Image)
export class ImageIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: 'Global id of the image, from its URL.' })
  imageId(@Root() image: Image): string {
    return image.url;
  }
}
