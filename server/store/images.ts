import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ProcessedImage } from '../uploads/process-image';

/** Uploaded images, kept by their SHA-256 (the same image uploaded twice is stored once). */
export class ImageStore {
  constructor(private readonly db: Kysely<Database>) {}

  async save(image: ProcessedImage, by: string): Promise<string> {
    await this.db
      .insertInto('images')
      .values({ id: image.sha256, type: image.type, width: image.width, height: image.height, bytes: image.bytes, created_by: by, created_at: new Date().toISOString() })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    return image.sha256;
  }

  async get(id: string): Promise<{ type: string; bytes: Buffer; width: number; height: number } | null> {
    const row = await this.db.selectFrom('images').select(['type', 'bytes', 'width', 'height']).where('id', '=', id).executeTakeFirst();
    return row ? { ...row, bytes: Buffer.from(row.bytes) } : null;
  }
}
