import { useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  src: string;
  title: string;
  fileStem: string;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/** The item's image, and a download for platforms where the user posts it by hand. */
export function ItemImage({ src, title, fileStem }: Props) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  if (broken) return null;

  const download = async () => {
    try {
      const response = await fetch(src, { credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${fileStem.replace(/[^\w-]+/g, '-')}.${EXTENSIONS[blob.type] ?? 'img'}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      // Without CORS or permission for the image's site, the browser can still show it.
      window.open(src, '_blank', 'noopener');
    }
  };

  return (
    <figure className="item-figure">
      <img className="item-image" src={src} alt={t('imageAlt', title)} loading="lazy" onError={() => setBroken(true)} />
      <button type="button" className="button button--small button--overlay" onClick={() => void download()}>
        {t('downloadImage')}
      </button>
    </figure>
  );
}
