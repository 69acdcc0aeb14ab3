/** Set by wxt.config.ts from the SIAR_FEED_URL environment variable at build time. */
declare const __SIAR_FEED_URL__: string;
