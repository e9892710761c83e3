// The bundles' non-ASCII characters (messages' dashes and arrows, the old tool's Chinese lines,
// comments) written as \u escapes. Node reads a source file with any non-ASCII character into a
// two-byte string: twice the memory, a slower decode and a slower parse; an ASCII file stays one-byte
// (`health` started about 3 ms sooner and peaked about 3 MB lower, docs/performance.md).
// An escape means the same character in a string, an untagged template, a regular expression
// (two escapes for a character beyond U+FFFF: the pair, one code point under the u flag), an identifier
// and a comment; a space outside a literal (a no-break space as code's white space) becomes a plain
// one. Not in a tagged template's raw text (String.raw), nor after U+2028 or U+2029 in a comment
// (both end a line comment): the build refuses those instead of changing what the code does.
import ts from 'typescript';

const NON_ASCII = /[^\0-\x7f]/;
const LINE_SEPARATOR = /[\u2028\u2029]/;

/**
 * Where the text's literals are (strings, template parts, regular expressions), as [start, end) in
 * order; throws at a tagged template holding a non-ASCII character (its raw text would change).
 */
function literalRanges(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ranges = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && NON_ASCII.test(node.template.getText(source)))
      throw new Error(`ascii only: ${file}: a tagged template holds a non-ASCII character; its raw text would change`);
    if (ts.isStringLiteral(node) || ts.isRegularExpressionLiteral(node) || ts.isTemplateLiteralToken(node))
      ranges.push([node.getStart(source), node.end]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * `sources` (file → text): those with a non-ASCII character, escaped; throws where an escape would
 * change what the code does. A non-ASCII space outside a literal (code written with a no-break space)
 * becomes a plain space: an escape is no white space to the parser.
 */
export function asciiOnly(sources) {
  const escaped = {};
  for (const [file, text] of Object.entries(sources)) {
    if (!NON_ASCII.test(text)) continue;
    if (LINE_SEPARATOR.test(text)) throw new Error(`ascii only: ${file}: U+2028 or U+2029 in the source`);
    const ranges = literalRanges(file, text);
    let at = 0; // the first range that may hold the offsets still to come (they rise)
    escaped[file] = text.replace(new RegExp(NON_ASCII, 'g'), (c, offset) => {
      while (at < ranges.length && ranges[at][1] <= offset) at++;
      const inLiteral = at < ranges.length && ranges[at][0] <= offset;
      if (!inLiteral && /\s/.test(c)) return ' ';
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
  }
  return escaped;
}
