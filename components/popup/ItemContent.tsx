import { SafeHtml } from '../SafeHtml';
import { useI18n } from '../i18n';

interface Props {
  html: string;
  /** The feed's address: relative links in the HTML resolve against it. */
  baseUrl: string;
}

/** The item's full text, folded away; its HTML only through SafeHtml (docs/protocol.md §2.4). */
export function ItemContent({ html, baseUrl }: Props) {
  const { t } = useI18n();
  return (
    <details className="item-content">
      <summary>{t('feedReadContent')}</summary>
      <SafeHtml className="item-content-body" html={html} baseUrl={baseUrl} />
    </details>
  );
}
