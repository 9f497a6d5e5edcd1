// Small DOM helpers shared by the views: element creation that only ever
// sets text with textContent, and JSON-pointer paths for bound fields.

  const SVG_NS = 'http://www.w3.org/2000/svg';

  // h('td', {class: 'num', 'data-path': p}, 'text' | Node | [children])
  // Attribute values are set with setAttribute (never 'style': the page's
  // Content-Security-Policy forbids inline style attributes); a value of
  // null/undefined/false leaves the attribute out, true sets it empty.
  function h(tag, attrs, children) {
    return build(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, children) {
    return build(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function build(el, attrs, children) {
    if (attrs) {
      for (const name of Object.keys(attrs)) {
        const value = attrs[name];
        if (value === null || value === undefined || value === false) continue;
        if (name === 'style') throw new Error('inline style is blocked by the CSP; use a class');
        if (name === 'text') { el.textContent = value; continue; }
        if (name === 'value' && 'value' in el && !(el instanceof SVGElement)) { el.value = value; continue; }
        if (name === 'checked') { el.checked = Boolean(value); continue; }
        if (name === 'selected') { el.selected = Boolean(value); continue; }
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    if (children === null || children === undefined || children === false) return;
    if (Array.isArray(children)) {
      for (const child of children) append(el, child);
    } else if (children instanceof Node) {
      el.appendChild(children);
    } else {
      el.appendChild(document.createTextNode(String(children)));
    }
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  // JSON pointers (RFC 6901), as used by findings' "path".
  function escapeToken(token) {
    return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
  }
  function unescapeToken(token) {
    return token.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  function pointer(...tokens) {
    return tokens.map((t) => '/' + escapeToken(t)).join('');
  }
  function parsePointer(path) {
    if (!path) return [];
    return path.slice(1).split('/').map(unescapeToken);
  }

  // A member of a document object named by user text (an indicator's id, a
  // header): only the object's own, never one its prototype lends
  // ("constructor" would read as Object itself, "__proto__" write to the
  // prototype and vanish).
  function own(object, key) {
    return object && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }
  function setOwn(object, key, value) {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  }

  // The element bound to a path, or failing that the nearest element bound
  // to one of its ancestors ("/key/0/weights/x" → "/key/0").
  function findBound(root, path) {
    let tokens = parsePointer(path);
    for (;;) {
      const p = tokens.length ? pointer(...tokens) : '';
      const el = root.querySelector('[data-path="' + CSS.escape(p) + '"]');
      if (el) return el;
      if (!tokens.length) return null;
      tokens = tokens.slice(0, -1);
    }
  }

  let idCounter = 0;
  function uniqueId(prefix) {
    idCounter += 1;
    return (prefix || 'id') + '-' + idCounter;
  }

export { h, svg, clear, append, pointer, parsePointer, findBound, uniqueId, own, setOwn };
