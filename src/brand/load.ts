import { isUtf8 } from 'node:buffer';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Diagnostic } from '../files/diagnostic.js';
import { describeSize } from '../files/limits.js';
import { readRegular, type ReadContext } from '../files/read-input.js';
import { schemaDiagnostics, type SchemaVocabulary } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import type { Brand } from '../generated/brand.js';
import { SCHEMA_KEYS } from '../generated/schema-keys.js';
import { validateBrand } from '../generated/validators.js';

/** A logo larger than this is refused: a report embeds it whole, in every copy. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

interface Logo {
  /** The path as the brand file gives it, joined to the brand file's folder. */
  path: string;
  type: 'png' | 'svg';
  bytes: Buffer;
}

/** A brand file, read and checked, with its logo loaded: what the renderers get. */
export type Branding = Omit<Brand, 'logo'> & { logo?: Logo };

export type BrandLoad = { ok: true; brand: Branding; diagnostics: Diagnostic[] } | { ok: false; unreadable: boolean; diagnostics: Diagnostic[] };

/** How brand-file schema errors are worded. */
const brandVocabulary: SchemaVocabulary = {
  describe: (path) => (path.length ? `"${String(path[0])}"` : 'the brand file'),
  allowedKeys: () => SCHEMA_KEYS.brand.root,
  hint(key, keyword) {
    if (key === 'accentColor') return 'write a colour as # and six hex digits, like #1f5f8b';
    if (keyword === 'minProperties') return 'give at least one of name, logo, accentColor, contact or footer';
    return undefined;
  },
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The start of an SVG file: an XML declaration, comments and a DOCTYPE
 * without an internal subset (which could declare entities) may come before
 * the <svg> element.
 */
const SVG_START = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^[>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

/** A PNG whose header chunk names a real size, or undefined. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** What kind of image the bytes are, or what they are instead ("a JPEG"). */
function logoType(bytes: Buffer): { type: Logo['type'] } | { not: string } {
  if (pngSize(bytes)) return { type: 'png' };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { not: 'a damaged PNG (its header is missing or gives no size)' };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (isUtf8(bytes) && SVG_START.test(text)) return { type: 'svg' };
  if (/^\s*<\?xml|^\s*<svg/i.test(text) && /<!DOCTYPE[^>]*\[/i.test(text)) return { not: 'an SVG that declares entities in its DOCTYPE' };
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return { not: 'a JPEG' };
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return { not: 'a GIF' };
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return { not: 'a WebP image' };
  return { not: 'neither a PNG nor an SVG image' };
}

/** The logo a brand file names, read and recognised, or the diagnostic that says why it cannot be used. */
function loadLogo(brandPath: string, logo: string, place: Pick<Diagnostic, 'line' | 'column'>): Logo | Diagnostic {
  // As the user would type it from here: the brand file's folder, then the logo's path.
  const path = isAbsolute(logo) ? logo : join(dirname(brandPath), logo);
  const problem = (rule: string, message: string): Diagnostic => ({ file: brandPath, ...place, severity: 'error', rule, message });
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return problem('logo-unreadable', `the logo ${logo} is not a file; give the path of a PNG or SVG file`);
    if (stat.size > MAX_LOGO_BYTES) {
      return problem(
        'logo-too-large',
        `the logo ${logo} is ${describeSize(stat.size)}; a logo may be at most ${describeSize(MAX_LOGO_BYTES)}. Export it smaller`,
      );
    }
    bytes = readRegular(path, MAX_LOGO_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? problem('logo-missing', `the logo ${logo} does not exist (looked for ${path}); its path is relative to the brand file`)
      : problem('logo-unreadable', `the logo ${logo} cannot be read (${code ?? String(error)})`);
  }
  if (bytes.length > MAX_LOGO_BYTES) return problem('logo-too-large', `the logo ${logo} is larger than ${describeSize(MAX_LOGO_BYTES)}; export it smaller`);
  const kind = logoType(bytes);
  if ('not' in kind) return problem('logo-format', `the logo ${logo} is ${kind.not}; cx-audit embeds PNG and SVG logos. Export it as one of those`);
  return { path, type: kind.type, bytes };
}

/**
 * Reads a brand file (`--brand`): the same YAML reader and schema
 * diagnostics as answers files, then the logo it names, which must be a PNG
 * or an SVG of at most MAX_LOGO_BYTES. Problems are diagnostics with a
 * place, never exceptions.
 */
export async function loadBrand(path: string, context: ReadContext = {}): Promise<BrandLoad> {
  const read = await readYamlFile(path, { ...context, kind: 'brand file' });
  if (!read.ok) return { ok: false, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics };
  const schema = schemaDiagnostics(validateBrand, read.file, brandVocabulary);
  if (schema.length) return { ok: false, unreadable: false, diagnostics: [...read.diagnostics, ...schema] };
  const { logo, ...rest } = read.file.data as Brand;
  if (logo === undefined) return { ok: true, brand: rest, diagnostics: read.diagnostics };
  const loaded = loadLogo(path, logo, read.file.placeOf(['logo']));
  if ('rule' in loaded) return { ok: false, unreadable: false, diagnostics: [...read.diagnostics, loaded] };
  return { ok: true, brand: { ...rest, logo: loaded }, diagnostics: read.diagnostics };
}
