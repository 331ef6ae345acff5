#!/usr/bin/env python3
"""Writes drawn-rules.pdf: a hand-written PDF whose content stream draws the kinds of table
rules (and non-rules) agencies' PDFs contain, each at a known place, so tests can check the
rules read from the drawing against coordinates written here (not against program output).

Page 1 is 300 x 300 pt. Coordinates below are PDF user space (origin bottom-left); the tests
use the top-left origin, y_top = 300 - y. What is drawn, top to bottom on the page:

  A  x 20..140, y_top 20..60: a 2x2 grid of light-blue (#BDD7EE) 0.5 pt strokes
     (WPS's light borders): 3 horizontal rules at y_top 20, 40, 60; 3 vertical at x 20, 80, 140.
  B  x 160..280, y_top 20..60: a header row shaded WPS blue (#C6D9F1) with no line on its
     edges, over a row with light-grey (0.8) 0.5 pt lines: y_top 60 bottom rule, verticals
     x 160, 220, 280 from y_top 40 to 60. The shaded row's edges (y_top 20 and 40, x 160 and
     280 between y_top 20 and 40) are boundaries; nothing runs through its inside.
  C  y_top 100: a near-white (0.96 grey) 0.5 pt line, x 20..280: not a rule.
     y_top 110: a white line on white paper: not a rule.
  D  x 20..140, y_top 120..160: a mid-grey (0.5) area with a white 1 pt line across it at
     y_top 140: the white line is a rule (it stands out from the grey under it).
  E  x 160..280, y_top 120..160: a browser-printed 3x2 grid: every cell (40 x 20 pt) draws
     its own four sides as 0.75 pt black filled rectangles: 3 horizontal rules (y_top 120,
     140, 160, each x 160..280 in one piece) and 4 vertical (x 160, 200, 240, 280).
  F  y_top 190..200, x 20..280: a 10 pt black bar: an area, not a line.
  G  y_top 230: a dashed black 0.5 pt line, x 20..280: one rule.
  H  y_top 250..254, x 20..24: a 4 pt black square (a bullet): no rule.
  I  y_top 270: a black line from x 0 to 300 clipped to x 50..150: a rule from 50 to 150.
  J  y_top 285: a black 0.5 pt line at 5% opacity, x 20..280: looks near-white, not a rule.
  Text "Cell" in Helvetica 8 pt inside grid A's first cell.

Page 2 (200 x 100 pt, /Rotate 90, shown 100 wide and 200 tall): one black 0.5 pt line in user
space from (20, 50) to (180, 50); after the rotation it is a vertical rule at x 50, y 20..180.

Run: python3 make-drawn-rules-pdf.py   (writes drawn-rules.pdf beside this script)
"""
import os

PAGE1 = """
1 1 1 rg 0 0 300 300 re f
0.741 0.843 0.933 RG 0.5 w
20 280 m 140 280 l S 20 260 m 140 260 l S 20 240 m 140 240 l S
20 280 m 20 240 l S 80 280 m 80 240 l S 140 280 m 140 240 l S
0.776 0.851 0.945 rg 160 260 120 20 re f
0.8 G 0.5 w
160 240 m 280 240 l S
160 260 m 160 240 l S 220 260 m 220 240 l S 280 260 m 280 240 l S
0.96 G 0.5 w 20 200 m 280 200 l S
1 G 0.5 w 20 190 m 280 190 l S
0.5 g 20 140 120 40 re f
1 G 1 w 20 160 m 140 160 l S
0 g
{browser}
0 g 20 100 260 10 re f
0 G 0.5 w [3 2] 0 d 20 70 m 280 70 l S [] 0 d
0 g 20 46 4 4 re f
q 50 20 100 20 re W n 0 G 0.5 w 0 30 m 300 30 l S Q
q /Faint gs 0 G 0.5 w 20 15 m 280 15 l S Q
BT /F1 8 Tf 24 265 Td (Cell) Tj ET
"""

PAGE2 = "0 G 0.5 w 20 50 m 180 50 l S\n"


def browser_grid():
    """Each cell of a 3 x 2 grid (x 160..280, y_top 120..160) draws its own sides."""
    parts = []
    t = 0.75
    for column in range(3):
        for row in range(2):
            x0 = 160 + 40 * column
            top = 120 + 20 * row  # y_top of the cell's top side
            y0 = 300 - (top + 20)  # PDF y of the cell's bottom side
            parts.append(f"{x0} {y0 + 20 - t / 2} 40 {t} re f")  # top
            parts.append(f"{x0} {y0 - t / 2} 40 {t} re f")  # bottom
            parts.append(f"{x0 - t / 2} {y0} {t} 20 re f")  # left
            parts.append(f"{x0 + 40 - t / 2} {y0} {t} 20 re f")  # right
    return "\n".join(parts)


def build():
    page1 = PAGE1.replace("{browser}", browser_grid()).encode()
    page2 = PAGE2.encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R "
        b"/Resources << /Font << /F1 7 0 R >> /ExtGState << /Faint 8 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(page1) + page1 + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Rotate 90 /Contents 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(page2) + page2 + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /ExtGState /CA 0.05 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drawn-rules.pdf")
    with open(path, "wb") as handle:
        handle.write(build())
    print(path)
