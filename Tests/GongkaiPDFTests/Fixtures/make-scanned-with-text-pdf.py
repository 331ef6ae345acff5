#!/usr/bin/env python3
"""Writes scanned-with-text.pdf: a "searchable scan" — page 3 of Samples/pdf/gen-2021-a.pdf
(table 三, drawn with 1 pt rules) rendered at 100 dpi in grey and placed as one image over
the whole A4 page, under a line of invisible text (text render mode 3, as OCR software
writes it). The page has a text layer but draws no rule: its rules exist only as pixels,
at the places gen-2021-a's page 3 draws them (pdfplumber 0.11 reads verticals there at
x 73.7, 111.8, 161.0, 185.7, 306.6, 337.3, 368.0, 398.7, 429.4, 460.1, 490.8, 521.6).

Needs pdftoppm (poppler-utils). Run: python3 make-scanned-with-text-pdf.py
"""
import os
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "..", "Samples", "pdf", "gen-2021-a.pdf")
DPI = 100


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def main():
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", "3", "-l", "3", "-singlefile",
                        SOURCE, os.path.join(work, "page")], check=True)
        width, height, pixels = read_pgm(os.path.join(work, "page.pgm"))
    page_w, page_h = width * 72 / DPI, height * 72 / DPI
    image = zlib.compress(pixels, 9)
    content = (b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n" % (page_w, page_h)
               + b"BT 3 Tr /F1 10 Tf 80 760 Td (Scanned table 2021 17 3 20) Tj ET\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>" % (page_w, page_h),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(image))
        + image + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    target = os.path.join(HERE, "scanned-with-text.pdf")
    with open(target, "wb") as handle:
        handle.write(out)
    print(target, len(out), "bytes")


if __name__ == "__main__":
    main()
