// The Paste Image panel's page: reads pasted (or dropped) image files from the DataTransfer
// right here, where the user's clipboard is (the UI side, also over Remote), shows a preview,
// size, type and a name field, shrinks images over the workspace's limit on request
// (shrink.js), and posts the bytes to the extension, which uploads them as one batch.
// In "shrink" mode the extension hands it one file to shrink and shows the result.
'use strict';

(function () {
  const vscode = acquireVsCodeApi();
  const { shrinkToFit, canDecode, formatBytes } = window.notionShrink;
  const body = document.body;
  const mode = body.dataset.mode;
  const floorPx = Number(body.dataset.floor);
  const testHooks = body.dataset.testHooks === 'true';
  let limitBytes = body.dataset.limit ? Number(body.dataset.limit) : undefined;
  /** The page's strings in the display language (src/paste/webviewStrings.ts), keyed by their English text. */
  const STRINGS = JSON.parse(body.dataset.l10n || '{}');
  /** `t('{0} removed.', name)`: the worded string with its {n} filled in; English when not worded. */
  function t(text, ...args) {
    return (STRINGS[text] || text).replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }
  let busy = false;
  let nextId = 1;
  /** @type {{id:number, blob:Blob, name:string, type:string, width?:number, height?:number, url:string, shrunk?:object, shrinking?:boolean, error?:string}[]} */
  let images = [];
  let link;

  const $ = (id) => document.getElementById(id);
  const list = $('images');
  const status = $('status');
  const uploadButton = $('upload');
  const clearButton = $('clear');
  const limitText = $('limit');

  /** Types Notion takes as images, with the extension a pasted image gets. */
  const EXTENSIONS = {
    'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg',
    'image/heic': 'heic', 'image/tiff': 'tiff', 'image/x-icon': 'ico', 'image/vnd.microsoft.icon': 'ico',
  };
  const TYPE_NAMES = { 'image/svg+xml': 'SVG', 'image/x-icon': 'ICO', 'image/vnd.microsoft.icon': 'ICO' };

  function typeName(type) {
    return TYPE_NAMES[type] || (type.split('/')[1] || type).toUpperCase();
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** `Screenshot 2026-12-04 18.30.05.png`, with " (2)" when the panel already holds that name. */
  function defaultName(ext) {
    const d = new Date();
    const base = `Screenshot ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}.${pad(d.getMinutes())}.${pad(d.getSeconds())}`;
    let name = `${base}.${ext}`;
    for (let i = 2; images.some((im) => im.name === name); i++) name = `${base} (${i}).${ext}`;
    return name;
  }

  function withExtension(name, ext) {
    return name.replace(/\.[^.]*$/, '') + '.' + ext;
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function isOver(im) {
    return limitBytes !== undefined && im.blob.size > limitBytes;
  }

  function overText(im) {
    return t('{0} is over this workspace\'s limit of {1}', formatBytes(im.blob.size), formatBytes(limitBytes));
  }

  // ── Adding images ────────────────────────────────────────────────────────

  async function addFiles(files, how) {
    const refused = [];
    for (const file of files) {
      const ext = EXTENSIONS[file.type];
      if (!ext) {
        refused.push(`${file.name || t('the pasted file')} (${file.type || t('unknown type')})`);
        continue;
      }
      // A screenshot arrives as "image.png"; a copied or dropped file keeps its own name.
      const generic = !file.name || /^image\.\w+$/i.test(file.name);
      const im = { id: nextId++, blob: file, type: file.type, name: generic ? defaultName(ext) : file.name, url: URL.createObjectURL(file), how };
      images.push(im);
      if (canDecode(file.type)) {
        try {
          const bmp = await createImageBitmap(file);
          im.width = bmp.width;
          im.height = bmp.height;
          bmp.close();
        } catch {
          im.error = t('the browser cannot decode this image');
        }
      }
    }
    link = undefined;
    render();
    const added = files.length - refused.length;
    const parts = [];
    if (added) {
      const what = how === 'dropped' ? (added === 1 ? t('Image dropped.') : t('{0} images dropped.', added)) : added === 1 ? t('Image pasted.') : t('{0} images pasted.', added);
      parts.push(images.length > 1 ? `${what} ${t('{0} images will go as one batch.', images.length)}` : what);
    }
    if (refused.length) parts.push(t('Not an image Notion takes: {0}.', refused.join(', ')));
    setStatus(parts.join(' '));
    if (added) uploadButton.focus();
  }

  function showLink(url) {
    link = url;
    render();
    setStatus(t('That is a link, not an image: {0}', url));
    $('import').focus();
  }

  function onPaste(e) {
    const dt = e.clipboardData;
    if (!dt || busy) return;
    const files = [...dt.files];
    if (files.length) {
      e.preventDefault();
      void addFiles(files, 'pasted');
      return;
    }
    // Text pasted into the name field stays there.
    if (e.target instanceof HTMLInputElement) return;
    const text = (dt.getData('text/uri-list') || dt.getData('text/plain') || '').trim();
    e.preventDefault();
    if (/^https?:\/\/\S+$/i.test(text)) showLink(text);
    else setStatus(text ? t('The clipboard holds text, not an image. Copy an image (or a screenshot) and paste again.') : t('The clipboard holds no image. Copy an image (or take a screenshot) and paste again.'));
  }

  function onDrop(e) {
    e.preventDefault();
    if (busy || !e.dataTransfer) return;
    const files = [...e.dataTransfer.files];
    if (files.length) void addFiles(files, 'dropped');
    else {
      const text = (e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain') || '').trim().split(/\r?\n/)[0];
      if (/^https?:\/\//i.test(text)) showLink(text);
    }
  }

  // ── Shrink ───────────────────────────────────────────────────────────────

  async function shrink(im) {
    im.shrinking = true;
    render();
    setStatus(`Shrinking ${im.name}…`);
    try {
      const r = await shrinkToFit(im.blob, limitBytes, floorPx);
      const ext = EXTENSIONS[r.type];
      im.shrunk = { fromSize: im.blob.size, fromType: im.type, fromWidth: r.fromWidth, fromHeight: r.fromHeight, fromName: im.name };
      URL.revokeObjectURL(im.url);
      im.blob = r.blob;
      im.type = r.type;
      im.width = r.width;
      im.height = r.height;
      im.name = withExtension(im.name, ext);
      const input = $(`name-${im.id}`);
      if (input) input.value = im.name; // render() reads the field back
      im.url = URL.createObjectURL(r.blob);
      setStatus(t('{0} shrunk to {1}, {2}×{3} {4}.', im.shrunk.fromName, formatBytes(r.blob.size), r.width, r.height, typeName(r.type)));
    } catch (e) {
      im.error = t('cannot shrink it: {0}', e instanceof Error ? e.message : e);
      setStatus(`${im.name}: ${im.error}.`);
    } finally {
      im.shrinking = false;
      render();
    }
  }

  // ── Upload ───────────────────────────────────────────────────────────────

  async function upload() {
    if (busy || !images.length) return;
    const over = images.filter(isOver);
    if (over.length) {
      setStatus(t('{0}. Shrink it to fit or remove it.', over.map((im) => `${im.name}: ${overText(im)}`).join('; ')));
      return;
    }
    const named = images.map((im) => ({ im, name: $(`name-${im.id}`).value.trim() }));
    const blank = named.find((n) => !n.name);
    if (blank) {
      setStatus(t('Every image needs a name.'));
      $(`name-${blank.im.id}`).focus();
      return;
    }
    setBusy(true, images.length === 1 ? t('Sending {0} to Notion…', named[0].name) : t('Sending {0} images to Notion…', images.length));
    const payload = await Promise.all(named.map(async ({ im, name }) => ({
      id: im.id, name, type: im.type, bytes: new Uint8Array(await im.blob.arrayBuffer()), width: im.width, height: im.height, shrunk: im.shrunk, how: im.how,
    })));
    vscode.postMessage({ type: 'upload', images: payload });
  }

  function setBusy(on, text) {
    busy = on;
    body.classList.toggle('busy', on);
    if (text) setStatus(text);
    render();
  }

  // ── Rendering ────────────────────────────────────────────────────────────

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props);
    for (const c of children) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  function describe(im) {
    const dims = im.width ? ` · ${im.width}×${im.height}` : '';
    return `${typeName(im.type)} · ${formatBytes(im.blob.size)}${dims}`;
  }

  function card(im) {
    const over = isOver(im);
    const li = el('li', { className: `card${over ? ' over' : ''}` });
    li.dataset.id = String(im.id);
    li.append(el('img', { src: im.url, alt: t('Preview of {0}', im.name), className: 'preview' }));
    const info = el('div', { className: 'info' });
    info.append(el('div', { className: 'meta' }, describe(im)));
    if (im.shrunk) {
      const s = im.shrunk;
      info.append(el('div', { className: 'shrunk' }, t('Shrunk from {0} · {1}×{2} {3}', formatBytes(s.fromSize), s.fromWidth, s.fromHeight, typeName(s.fromType))));
    }
    if (over && !im.shrinking) {
      const decodable = canDecode(im.type) && !im.error;
      info.append(el('div', { className: 'problem', role: 'alert' },
        decodable ? `${overText(im)}.` : t('{0}, and {1} images cannot be shrunk here (the browser cannot decode them).', overText(im), typeName(im.type))));
      if (decodable) {
        const b = el('button', { type: 'button', className: 'shrink', textContent: t('Shrink to Fit'), title: t('Re-encode smaller (never below {0} px on the longest side)', floorPx) });
        b.addEventListener('click', () => void shrink(im));
        info.append(b);
      }
    } else if (im.error && !im.shrinking) {
      info.append(el('div', { className: 'problem' }, im.error));
    }
    if (im.shrinking) info.append(el('div', { className: 'meta' }, 'Shrinking…'));
    if (mode === 'paste') {
      const label = el('label', { htmlFor: `name-${im.id}`, textContent: t('Name') });
      const input = el('input', { id: `name-${im.id}`, type: 'text', value: im.name, spellcheck: false, disabled: busy });
      input.addEventListener('input', () => (im.name = input.value));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') void upload(); });
      const remove = el('button', { type: 'button', className: 'secondary remove', textContent: t('Remove'), disabled: busy });
      remove.setAttribute('aria-label', t('Remove {0}', im.name));
      remove.addEventListener('click', () => {
        URL.revokeObjectURL(im.url);
        images = images.filter((x) => x !== im);
        render();
        setStatus(t('{0} removed.', im.name));
      });
      info.append(el('div', { className: 'name' }, label, input), remove);
    } else {
      info.prepend(el('div', { className: 'filename' }, im.name));
    }
    li.append(info);
    return li;
  }

  function render() {
    // Keep the name being typed: re-rendering must not eat keystrokes.
    for (const im of images) {
      const input = $(`name-${im.id}`);
      if (input) im.name = input.value;
    }
    const focused = document.activeElement && document.activeElement.id;
    list.replaceChildren(...images.map(card));
    if (focused && $(focused)) $(focused).focus();
    const linkBox = $('link');
    if (linkBox) {
      linkBox.hidden = !link;
      $('link-url').textContent = link || '';
    }
    if (uploadButton) {
      uploadButton.disabled = busy || images.length === 0 || images.some((im) => isOver(im) || im.shrinking);
      uploadButton.textContent = images.length > 1 ? t('Upload {0} Images to Notion…', images.length) : t('Upload to Notion…');
      clearButton.disabled = busy || (images.length === 0 && !link);
    }
    if (limitText) {
      limitText.textContent = limitBytes === undefined
        ? ''
        : t('This workspace accepts files up to {0}. Larger images can be shrunk to fit (never below {1} px on the longest side).', formatBytes(limitBytes), floorPx);
    }
  }

  // ── Messages from the extension ──────────────────────────────────────────

  async function shrinkJob(m) {
    const blob = new Blob([m.bytes], { type: m.mime });
    const im = { id: nextId++, blob, type: m.mime, name: m.name, url: URL.createObjectURL(blob) };
    images = [im];
    limitBytes = m.limitBytes;
    render();
    try {
      const r = await shrinkToFit(blob, m.limitBytes, floorPx);
      const bytes = new Uint8Array(await r.blob.arrayBuffer());
      im.shrunk = { fromSize: blob.size, fromType: m.mime, fromWidth: r.fromWidth, fromHeight: r.fromHeight, fromName: m.name };
      im.blob = r.blob;
      im.type = r.type;
      im.width = r.width;
      im.height = r.height;
      im.name = withExtension(m.name, EXTENSIONS[r.type]);
      im.url = URL.createObjectURL(r.blob);
      render();
      setStatus(t('{0} shrunk to {1} ({2}×{3} {4}); that copy is uploaded, {0} itself is not changed.', m.name, formatBytes(r.blob.size), r.width, r.height, typeName(r.type)));
      vscode.postMessage({ type: 'shrunk', id: m.id, ok: true, bytes, mime: r.type, name: im.name, width: r.width, height: r.height, fromWidth: r.fromWidth, fromHeight: r.fromHeight });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      im.error = t('cannot shrink it: {0}', error);
      render();
      setStatus(`${m.name}: ${im.error}.`);
      vscode.postMessage({ type: 'shrunk', id: m.id, ok: false, error });
    }
  }

  async function onTestMessage(m) {
    const reply = (data) => vscode.postMessage({ type: 'test.reply', rid: m.rid, ...data });
    const transfer = () => {
      const dt = new DataTransfer();
      for (const f of m.files || []) dt.items.add(new File([f.bytes], f.name, { type: f.type }));
      if (m.text) dt.setData('text/plain', m.text);
      return dt;
    };
    switch (m.type) {
      case 'test.paste':
        (document.activeElement || body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer(), bubbles: true, cancelable: true }));
        return reply({});
      case 'test.drop':
        $('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer(), bubbles: true, cancelable: true }));
        return reply({});
      case 'test.click': {
        const target = document.querySelector(m.selector);
        if (target) target.click();
        return reply({ clicked: !!target, disabled: !!(target && target.disabled) });
      }
      case 'test.state':
        return reply({
          text: body.innerText, status: status.textContent, link: link || null, busy,
          uploadDisabled: uploadButton ? uploadButton.disabled : true,
          cards: images.map((im) => ({ name: im.name, type: im.type, size: im.blob.size, width: im.width, height: im.height, over: isOver(im), shrunk: !!im.shrunk, shrinking: !!im.shrinking, error: im.error || null })),
        });
      case 'test.decode':
        try {
          const bmp = await createImageBitmap(new Blob([m.bytes], { type: m.mime }));
          reply({ ok: true, width: bmp.width, height: bmp.height });
          bmp.close();
        } catch (e) {
          reply({ ok: false, error: String(e) });
        }
        return undefined;
    }
    return undefined;
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m.type !== 'string') return;
    if (m.type.startsWith('test.')) {
      if (testHooks) void onTestMessage(m);
      return;
    }
    switch (m.type) {
      case 'limit':
        limitBytes = m.limitBytes;
        render();
        break;
      case 'done': {
        // Sent images leave the panel, so the next paste starts a new batch; failed ones stay.
        const sent = new Set(m.sent || []);
        for (const im of images) if (sent.has(im.id)) URL.revokeObjectURL(im.url);
        images = images.filter((im) => !sent.has(im.id));
        setBusy(false, m.text);
        const hint = $('drop');
        if (hint) hint.focus();
        break;
      }
      case 'shrink':
        void shrinkJob(m);
        break;
    }
  });

  // ── Wiring ───────────────────────────────────────────────────────────────

  document.addEventListener('paste', onPaste);
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    body.classList.remove('dragging');
    onDrop(e);
  });
  if (uploadButton) {
    uploadButton.addEventListener('click', () => void upload());
    clearButton.addEventListener('click', () => {
      for (const im of images) URL.revokeObjectURL(im.url);
      images = [];
      link = undefined;
      render();
      setStatus('Cleared.');
      $('drop').focus();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void upload();
    });
    $('import').addEventListener('click', () => link && vscode.postMessage({ type: 'url', action: 'import', url: link }));
    $('linkExternal').addEventListener('click', () => link && vscode.postMessage({ type: 'url', action: 'link', url: link }));
  }
  render();
  const hint = $('drop');
  if (hint) hint.focus();
  vscode.postMessage({ type: 'ready' });
})();
