/**
 * The link-preview image of a page (og:image, twitter:image) made from a content image through
 * Astro's pipeline: a JPEG, which every preview reader takes (not all take WebP or AVIF), at most
 * SHARE_IMAGE_WIDTH wide, its URL absolute and base-aware through the one URL helper.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { isPipelineImage, type AnalysisEntry } from '../model/model.ts';
import type { ShareImage } from '../outputs/seo.ts';
import { SHARE_IMAGE_WIDTH } from '../model/settings.ts';
import type { LinkContext } from '../outputs/urls.ts';

/** The preview image made from `image`, described by `alt`. */
export async function shareImage(image: ImageMetadata, alt: string, links: LinkContext): Promise<ShareImage> {
  const width = Math.min(image.width, SHARE_IMAGE_WIDTH);
  const made = await getImage({ src: image, width, format: 'jpeg' });
  return {
    url: links.absolute(made.src),
    alt,
    width,
    height: Math.round((image.height * width) / image.width),
    type: 'image/jpeg',
  };
}

/** The preview image of each analysis that has a lead image, by id. */
export async function leadShareImages(
  analyses: readonly Pick<AnalysisEntry, 'id' | 'photo'>[],
  links: LinkContext,
): Promise<Map<string, ShareImage>> {
  const made = await Promise.all(
    analyses.map(async ({ id, photo }) =>
      isPipelineImage(photo?.file)
        ? ([[id, await shareImage(photo.file, photo.alt ?? '', links)]] as const)
        : [],
    ),
  );
  return new Map(made.flat());
}
