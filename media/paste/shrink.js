// Shrink to fit, in the webview with the browser's own codecs (no native dependency):
// decode with createImageBitmap, re-encode with OffscreenCanvas.convertToBlob as WebP (JPEG
// where WebP encoding is missing), lowering quality, then scale, until the bytes fit the
// workspace's limit. The longest side never goes below the floor shown to the user.
'use strict';

(function () {
  const QUALITIES = [0.9, 0.8, 0.7, 0.6, 0.5];
  /** Each scale step keeps this share of the longest side. */
  const SCALE_STEP = 0.85;

  /** The page's strings in the display language (data-l10n, see src/paste/webviewStrings.ts); English when not worded. */
  function worded(text, ...args) {
    const strings = JSON.parse(document.body.dataset.l10n || '{}');
    return (strings[text] || text).replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  /** Mime types Chromium decodes; HEIC and TIFF are not among them. */
  const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon']);

  let encoderType;
  /** WebP keeps transparency and is smaller; JPEG where this browser cannot encode WebP. */
  async function outputType() {
    if (!encoderType) {
      const canvas = new OffscreenCanvas(2, 2);
      canvas.getContext('2d'); // convertToBlob needs a rendering context
      const probe = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
      encoderType = probe.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
    }
    return encoderType;
  }

  function canDecode(type) {
    return DECODABLE.has(type);
  }

  async function decode(blob) {
    return createImageBitmap(blob);
  }

  /**
   * Resolves { blob, type, width, height, fromWidth, fromHeight, quality } with blob.size <= limit,
   * or rejects with a message naming what was tried when even the floor does not fit.
   */
  async function shrinkToFit(blob, limitBytes, floorPx) {
    const bitmap = await decode(blob);
    try {
      const type = await outputType();
      const fromWidth = bitmap.width;
      const fromHeight = bitmap.height;
      const longest = Math.max(fromWidth, fromHeight);
      // Never upscale; an image already under the floor keeps its size and only loses quality.
      const minScale = Math.min(1, floorPx / longest);
      let scale = 1;
      let smallest;
      for (;;) {
        const width = Math.max(1, Math.round(fromWidth * scale));
        const height = Math.max(1, Math.round(fromHeight * scale));
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d');
        if (type === 'image/jpeg') {
          // JPEG has no alpha: transparent pixels become white, not black.
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, width, height);
        }
        ctx.drawImage(bitmap, 0, 0, width, height);
        for (const quality of QUALITIES) {
          const out = await canvas.convertToBlob({ type, quality });
          if (!smallest || out.size < smallest.size) smallest = { size: out.size, width, height };
          if (out.size <= limitBytes) return { blob: out, type, width, height, fromWidth, fromHeight, quality };
        }
        if (scale <= minScale) break;
        scale = Math.max(minScale, scale * SCALE_STEP);
      }
      throw new Error(worded('even at {0}×{1} (the floor is {2} px on the longest side) it is {3}, over the limit of {4}',
        smallest.width, smallest.height, floorPx, formatBytes(smallest.size), formatBytes(limitBytes)));
    } finally {
      bitmap.close();
    }
  }

  function formatBytes(n) {
    if (n < 1024) return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
  }

  window.notionShrink = { shrinkToFit, canDecode, decode, formatBytes, outputType };
})();
