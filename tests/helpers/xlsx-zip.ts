/**
 * Hand-made .xlsx files, written as XML in a zip the way Excel lays them out (the sheet
 * before the shared strings), for files no spreadsheet library would make quickly: a cell in
 * column XFD on 20,000 rows, a hundred thousand formatted empty rows, a zip that lies about
 * its sizes. Text cells are shared strings, as Excel writes them.
 */
import zlib from 'node:zlib';

export interface XlsxCell {
  /** "A", "XFD" */
  col: string;
  value?: string | number;
  /** a style index (0: none, 1: a fill, 2: a date format) */
  s?: number;
}
export interface XlsxRow {
  r: number;
  cells: XlsxCell[];
  /** a style on the whole row, as Excel writes formatting applied to whole rows */
  s?: number;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sheetXml(rows: Iterable<XlsxRow>, strings: Map<string, number>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (const row of rows) {
    out.push(`<row r="${row.r}"${row.s ? ` s="${row.s}" customFormat="1"` : ''}>`);
    for (const c of row.cells) {
      const ref = `${c.col}${row.r}`;
      const s = c.s ? ` s="${c.s}"` : '';
      if (c.value === undefined) out.push(`<c r="${ref}"${s}/>`);
      else if (typeof c.value === 'number') out.push(`<c r="${ref}"${s}><v>${c.value}</v></c>`);
      else {
        let i = strings.get(c.value);
        if (i === undefined) strings.set(c.value, (i = strings.size));
        out.push(`<c r="${ref}"${s} t="s"><v>${i}</v></c>`);
      }
    }
    out.push('</row>');
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

function sharedStringsXml(strings: Map<string, number>): string {
  const items = [...strings.keys()].map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const PARTS = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
};

/** A zip of the given files, deflated; `declare` overrides the unzipped size its directory states. */
export function zip(files: [string, Buffer][], declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const size = declare[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An .xlsx with one sheet of these rows. */
export function xlsxOf(rows: Iterable<XlsxRow>, opts: { declareSheetSize?: number } = {}): Buffer {
  const strings = new Map<string, number>();
  const sheet = Buffer.from(sheetXml(rows, strings));
  const files: [string, Buffer][] = [
    ...Object.entries(PARTS).map(([n, x]) => [n, Buffer.from(x)] as [string, Buffer]),
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/styles.xml', Buffer.from(STYLES)],
    ['xl/sharedStrings.xml', Buffer.from(sharedStringsXml(strings))],
  ];
  return zip(files, opts.declareSheetSize ? { 'xl/worksheets/sheet1.xml': opts.declareSheetSize } : {});
}

/** Row values in columns A, B, C… */
export function plainRow(r: number, values: (string | number)[], extra: XlsxCell[] = []): XlsxRow {
  return { r, cells: [...values.map((value, i) => ({ col: String.fromCharCode(65 + i), value })), ...extra] };
}
