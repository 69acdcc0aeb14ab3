import type { SiteImage } from '../site-messages';

/** Instagram: the item's image into the create dialog's file input, as if the user chose it. */
export function putImage(input: HTMLInputElement, image: SiteImage): boolean {
  try {
    const binary = atob(image.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], image.name, { type: image.type }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return input.files?.length === 1;
  } catch {
    return false;
  }
}
