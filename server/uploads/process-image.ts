import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { formatBytes, problem, type Problem } from '../problems';

/**
 * An editor's image upload → an image safe to publish. The type is read from the
 * bytes (never from the name or the browser's Content-Type), only PNG, JPEG, WebP and
 * GIF pass (no SVG: it can carry scripts), the size and the pixel count are limited
 * (a small file can decode to gigabytes), and the image is decoded and encoded again
 * with sharp (libvips). Re-encoding drops every metadata block (EXIF with GPS, XMP,
 * IPTC, comments) whatever the format keeps it in, applies the EXIF orientation first
 * so the photo still stands the right way up, and proves the file really is an image,
 * so a polyglot file does not reach civil servants. The colour profile is kept.
 */

export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 } as const;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

const EXTENSIONS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const SHARP_FORMATS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp', 'image/gif': 'gif' };

export interface ProcessedImage {
  type: ImageType;
  extension: string;
  width: number;
  height: number;
  /** The re-encoded file, without metadata. */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`: the stored file's name, so the same image is kept once. */
  sha256: string;
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; problem: Problem };

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The type by its magic bytes (WHATWG MIME Sniffing, "image type pattern matching"). */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function encoder(image: Sharp, type: ImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true });
    case 'image/png':
      return image.png({ compressionLevel: 9 });
    case 'image/webp':
      return image.webp({ quality: 90 });
    default:
      return image.gif();
  }
}

export async function processImage(input: Buffer, limits: { maxBytes: number; maxPixels: number } = IMAGE_LIMITS): Promise<ImageResult> {
  if (input.length === 0) return { ok: false, problem: problem('image_empty', {}, 'image') };
  if (input.length > limits.maxBytes) {
    return { ok: false, problem: problem('image_too_large', { size: formatBytes(input.length), max: formatBytes(limits.maxBytes) }, 'image') };
  }
  const type = sniffImageType(input);
  if (!type) return { ok: false, problem: problem('not_an_image', {}, 'image') };
  const animated = type === 'image/gif' || type === 'image/webp';
  try {
    // limitInputPixels is off here so that the refusal can name the size; it is checked just below.
    const meta = await sharp(input, { animated, limitInputPixels: false }).metadata();
    if (meta.format !== SHARP_FORMATS[type] || !meta.width || !meta.height) {
      return { ok: false, problem: problem('image_unreadable', {}, 'image') };
    }
    const frameHeight = meta.pageHeight ?? meta.height;
    if (meta.width * meta.height > limits.maxPixels) {
      const params = { width: meta.width, height: frameHeight, max: Math.floor(limits.maxPixels / 1e6) };
      return { ok: false, problem: problem('image_too_many_pixels', params, 'image') };
    }
    const pipeline = sharp(input, { animated, limitInputPixels: limits.maxPixels, failOn: 'error' }).autoOrient().keepIccProfile();
    const { data, info } = await encoder(pipeline, type).toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      image: {
        type,
        extension: EXTENSIONS[type],
        width: info.width,
        height: info.pageHeight ?? info.height,
        bytes: data,
        sha256: createHash('sha256').update(data).digest('hex'),
      },
    };
  } catch {
    return { ok: false, problem: problem('image_unreadable', {}, 'image') };
  }
}
