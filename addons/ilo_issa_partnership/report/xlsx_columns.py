# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Declared columns of an XLSX table (plain Python, no ORM): each column says its
header, how to get its value from a row, its width and its cell format; one
function writes the header row and the rows. The workbooks (report_xlsx) declare
their columns instead of placing cells by index."""

from collections import namedtuple

# header: the column's title; value: row -> cell value (str, number, date or "");
# width: in characters; format: a key of the workbook's formats, or None
Column = namedtuple("Column", "header value width format")


def write_heading(sheet, title, rows, formats):
    """The sheet's title (row 0), then one ``(label, value)`` per row below it:
    the label in bold, a number as money. Returns the row of the last one."""
    sheet.write(0, 0, title, formats["title"])
    for row, (label, value) in enumerate(rows, start=1):
        sheet.write(row, 0, label, formats["bold"])
        money = formats["money"] if isinstance(value, float) else None
        sheet.write(row, 1, value, money)
    return len(rows)


def write_table(sheet, row, columns, rows, formats):
    """Write the headers of ``columns`` at ``row`` (bold), then one line per item
    of ``rows``; set the columns' widths. Returns the row of the last line."""
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
    sheet.write_row(row, 0, [column.header for column in columns], formats["bold"])
    for item in rows:
        row += 1
        for col, column in enumerate(columns):
            value = column.value(item)
            if column.format == "money" and value in (False, None):
                # no amount (an empty sum) is zero money, not Excel's FALSE
                value = 0.0
            sheet.write(row, col, value, formats.get(column.format))
    return row
