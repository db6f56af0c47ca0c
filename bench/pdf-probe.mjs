// Preloaded with --import: reports on exit how many files of the PDF library
// (pdfmake, pdfkit, fontkit) and how many font files the process loaded.
// The bench checks that --help and the Markdown report load none of them.
import { syncBuiltinESMExports, createRequire } from 'node:module';
import fs, { writeSync } from 'node:fs';

const require = createRequire(import.meta.url);
const PDF_LIBRARY = /[\\/]node_modules[\\/](pdfmake|pdfkit|fontkit)[\\/]/;
const fonts = new Set();
// Fonts are read as data, not loaded as modules: watch the file reads too.
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (typeof path === 'string' && /\.(ttf|otf|afm)$/i.test(path)) fonts.add(path);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();

process.on('exit', () => {
  const modules = Object.keys(require.cache).filter((p) => PDF_LIBRARY.test(p)).length;
  writeSync(2, `\npdf-probe modules=${modules} fonts=${fonts.size}\n`);
});
