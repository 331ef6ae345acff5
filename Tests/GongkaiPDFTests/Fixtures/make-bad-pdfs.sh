#!/usr/bin/env bash
# Makes the PDFs of Samples/pdf/bad/ that the GongkaiPDF tests read, from the generated
# samples in Samples/pdf/. Needs qpdf, pdftoppm (poppler-utils) and python3. Run from
# anywhere; the results are committed, so the tests need none of these tools.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
samples="$root/Samples/pdf"
out="$samples/bad"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Encrypted: user password "user-secret" (needed to open), owner password "owner-secret".
qpdf --encrypt user-secret owner-secret 256 -- "$samples/gen-2019-b.pdf" "$out/encrypted.pdf"

# No pages at all.
qpdf --empty "$out/zero-pages.pdf"

# 300 pages: gen-2021-a (4 pages) 75 times; qpdf shares the fonts, so the file stays small.
pages=()
for _ in $(seq 75); do pages+=("$samples/gen-2021-a.pdf"); done
qpdf --empty --pages "${pages[@]}" -- "$out/pages-300.pdf"

# Image only: page 3 of gen-2021-a rendered at 60 dpi and wrapped as a picture, no text.
pdftoppm -r 60 -gray -f 3 -l 3 -singlefile "$samples/gen-2021-a.pdf" "$work/scan"
python3 - "$work/scan.pgm" "$work/image-only.pdf" <<'PY'
import sys, zlib
pgm, target = sys.argv[1], sys.argv[2]
data = open(pgm, "rb").read()
# Binary PGM: magic, width, height, maxval, then one byte per pixel.
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    start = pos
    while not data[pos:pos + 1].isspace():
        pos += 1
    fields.append(data[start:pos])
pixels = data[pos + 1:]
width, height = int(fields[1]), int(fields[2])
page_w, page_h = width * 72 / 60, height * 72 / 60
image = zlib.compress(pixels)
content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % (page_w, page_h)
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>" % (page_w, page_h),
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(image)) + image + b"\nendstream",
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
open(target, "wb").write(out)
PY
qpdf "$work/image-only.pdf" "$out/image-only.pdf"

ls -la "$out"
