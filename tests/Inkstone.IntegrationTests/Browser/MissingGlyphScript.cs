namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// The page-side half of the missing-glyph check. Chromium draws a character that no font (the element's own or any
/// system fallback) covers with the primary font's .notdef glyph. So each distinct character of the visible text is
/// drawn on a canvas in its element's computed font, and compared pixel for pixel (and by advance width) with two code
/// points that no font covers (U+0378 is unassigned, U+10FFFD is private use in plane 16): drawn the same, it is a box.
/// The two references must come out identical, or the font's box is unknown and the result says so.
/// A CJK glyph and a .notdef box have the same 1 em advance, which is why widths alone cannot tell them apart.
/// </summary>
internal static class MissingGlyphScript
{
    public const string Source = """
        async (selector) => {
          await document.fonts.ready;
          const size = 40, width = size * 3, height = size * 2;
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const ctx = canvas.getContext('2d', { willReadFrequently: true });
          const draw = (font, ch) => {
            ctx.clearRect(0, 0, width, height);
            ctx.font = font;
            ctx.textBaseline = 'middle';
            ctx.fillStyle = '#000';
            ctx.fillText(ch, 8, height / 2);
            return { advance: ctx.measureText(ch).width, pixels: ctx.getImageData(0, 0, width, height).data };
          };
          const same = (a, b) => {
            if (Math.abs(a.advance - b.advance) > 0.01) return false;
            for (let i = 3; i < a.pixels.length; i += 4) if (a.pixels[i] !== b.pixels[i]) return false;
            return true;
          };
          const uncovered = ['\u0378', '\u{10FFFD}'];
          const boxes = new Map();
          const undetectable = [];
          const boxesFor = font => {
            if (!boxes.has(font)) {
              const drawn = uncovered.map(ch => draw(font, ch));
              // both must be the same .notdef box; if some font covers either, the comparison proves nothing
              if (!same(drawn[0], drawn[1])) undetectable.push(font);
              boxes.set(font, drawn);
            }
            return boxes.get(font);
          };
          const roots = selector ? [...document.querySelectorAll(selector)] : [document.body];
          const seen = new Set();
          const missing = [];
          for (const root of roots) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              if (!element) continue;
              const style = getComputedStyle(element);
              if (style.display === 'none' || style.visibility === 'hidden') continue;
              const font = `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`;
              for (const ch of node.data) {
                if (/[\s\p{C}]/u.test(ch)) continue;
                const key = font + '\u0000' + ch;
                if (seen.has(key)) continue;
                seen.add(key);
                const glyph = draw(font, ch);
                if (boxesFor(font).some(box => same(box, glyph)))
                  missing.push({ character: ch, codePoint: ch.codePointAt(0), font: style.fontFamily,
                                 text: node.data.trim().slice(0, 80) });
              }
            }
          }
          return { roots: roots.length, checked: seen.size, missing, undetectable };
        }
        """;
}
