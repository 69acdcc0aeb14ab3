import exifReader from 'exif-reader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage, sniffImageType } from '../../../server/uploads/process-image';

const GPS = { GPSLatitudeRef: 'S', GPSLatitude: '2/1 7/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 7/1 0/1' };

function canvas(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#b3261e' } });
}

/** A phone photo: 40×20 as stored, EXIF orientation 6 (rotated 90°), with GPS. */
async function phoneJpeg(): Promise<Buffer> {
  return canvas(40, 20).withMetadata({ orientation: 6 }).withExif({ IFD0: { ImageDescription: 'rumah' }, IFD3: GPS }).jpeg().toBuffer();
}

async function exifOf(bytes: Buffer) {
  const { exif } = await sharp(bytes).metadata();
  return exif ? exifReader(exif) : null;
}

describe('processImage', () => {
  it('strips EXIF with the GPS location from a JPEG, and stands the photo upright first', async () => {
    const input = await phoneJpeg();
    expect((await exifOf(input))?.GPSInfo).toMatchObject({ GPSLatitudeRef: 'S', GPSLongitude: [106, 7, 0] });
    expect((await sharp(input).metadata()).orientation).toBe(6);

    const result = await processImage(input);
    if (!result.ok) throw new Error(result.problem.en);
    expect(result.image).toMatchObject({ type: 'image/jpeg', extension: 'jpg', width: 20, height: 40 });
    expect(await exifOf(result.image.bytes)).toBeNull();
    expect(result.image.bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(result.image.bytes.includes(Buffer.from('rumah'))).toBe(false);
    expect(result.image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
  ] as const)('strips EXIF from %s too', async (format, type) => {
    const input = await canvas(30, 10).withExif({ IFD0: { ImageDescription: 'rumah' }, IFD3: GPS }).toFormat(format).toBuffer();
    expect((await exifOf(input))?.GPSInfo).toBeTruthy();
    const result = await processImage(input);
    if (!result.ok) throw new Error(result.problem.en);
    expect(result.image).toMatchObject({ type, width: 30, height: 10 });
    expect(await exifOf(result.image.bytes)).toBeNull();
  });

  it('takes a GIF', async () => {
    const result = await processImage(await canvas(12, 8).gif().toBuffer());
    expect(result).toMatchObject({ ok: true, image: { type: 'image/gif', width: 12, height: 8 } });
  });

  it('reads the type from the bytes: an SVG or a text file is no image, whatever its name', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    expect(await processImage(svg)).toMatchObject({ ok: false, problem: { code: 'not_an_image', field: 'image' } });
    expect(await processImage(Buffer.from('%PDF-1.7\n'))).toMatchObject({ ok: false, problem: { code: 'not_an_image' } });
  });

  it('refuses an empty file and one over the size limit, saying the sizes', async () => {
    expect(await processImage(Buffer.alloc(0))).toMatchObject({ ok: false, problem: { code: 'image_empty' } });
    const big = await phoneJpeg();
    const result = await processImage(big, { maxBytes: 100, maxPixels: 1e6 });
    expect(result).toMatchObject({ ok: false, problem: { code: 'image_too_large' } });
    if (!result.ok) expect(result.problem.en).toMatch(/at most 100 B/);
  });

  it('refuses an image of too many pixels before decoding it (a small file can be a huge image)', async () => {
    const bomb = await canvas(3000, 2000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(100_000);
    const result = await processImage(bomb, { maxBytes: 1e6, maxPixels: 5_000_000 });
    expect(result).toMatchObject({ ok: false, problem: { code: 'image_too_many_pixels' } });
    if (!result.ok) expect(result.problem.id).toContain('3000×2000');
  });

  it('refuses a damaged image with a sentence, not a crash', async () => {
    const png = await canvas(20, 20).png().toBuffer();
    expect(await processImage(png.subarray(0, 40))).toMatchObject({ ok: false, problem: { code: 'image_unreadable' } });
    const header = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]);
    expect(await processImage(header)).toMatchObject({ ok: false, problem: { code: 'image_unreadable' } });
  });
});

describe('sniffImageType', () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xdb], 'image/jpeg'],
    [[...Buffer.from('GIF89a')], 'image/gif'],
    [[...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')], 'image/webp'],
    [[...Buffer.from('RIFF\0\0\0\0WAVEfmt ')], null],
    [[...Buffer.from('<?xml')], null],
    [[0xff, 0xd8], null],
  ])('%j → %s', (bytes, type) => {
    expect(sniffImageType(Buffer.from(bytes))).toBe(type);
  });
});
