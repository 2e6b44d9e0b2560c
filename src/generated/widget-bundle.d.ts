// Types of the module that `npm run build-widget` writes next to this file (widget-bundle.js).

/** The minified widget.js (ES module). */
export declare const widgetJs: string;
/** First 16 hex digits of its SHA-256, for the ETag. */
export declare const widgetHash: string;
