// The dashboard's neutraliser of untrusted text (labels, server names, facts): one place, so the
// page's HTML and the data its script reads are made safe the same way.

/**
 * Text as it may be shown: without controls (C0, C1) and bidirectional overrides, which could make
 * one label read as another (`\u202Eevil` shows as `live`).
 */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Text put into the page's HTML (text, or a quoted attribute value): plain, and what HTML reads escaped. */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
