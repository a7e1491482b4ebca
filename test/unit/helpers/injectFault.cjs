// Fault injection for tests, loaded with `node --require`: String.prototype.normalize throws on any
// text holding a snowman, so the engine fails exactly on the draft paragraph, line or query that
// carries one (folding calls normalize on every non-ASCII character it has not seen).
const MARKER = "\u2603";
const normalize = String.prototype.normalize;
String.prototype.normalize = function (form) {
  if (String(this).includes(MARKER)) throw new Error("injected fault");
  return normalize.call(this, form);
};
