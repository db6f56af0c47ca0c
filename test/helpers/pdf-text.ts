async function open(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes over (detaches) the array it is given: hand it a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
}

/**
 * The text of each page of a PDF, read with pdfjs-dist (its legacy build is
 * the one for Node). Items are joined with their line ends, so a test can
 * look for words and lines as a reader would copy them.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The document information dictionary: Title, Author, CreationDate… */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await open(bytes);
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } finally {
    await doc.destroy();
  }
}
