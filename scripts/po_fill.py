"""Fill a .pot exported by Odoo with translations from a table, writing <lang>.po.

Usage: python po_fill.py EXPORT.pot TABLE.py OUT.po LANG
The table (a Python dict literal, msgid -> msgstr) may key long msgids by a prefix
ending with "…". Untranslated entries stay empty (Odoo then shows the source text).
"""

import ast
import re
import sys


def unquote(block):
    return "".join(
        ast.literal_eval(f'"{part}"')
        for part in re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    )


def quote(text):
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    )


def main(pot, table_file, out, lang):
    table = ast.literal_eval(open(table_file, encoding="utf-8").read())
    prefixes = {k[:-1]: v for k, v in table.items() if k.endswith("…")}
    text = open(pot, encoding="utf-8").read()
    text = text.replace('"Language: \\n"', f'"Language: {lang}\\n"', 1)
    blocks = text.split("\n\n")
    done = 0
    for i, block in enumerate(blocks):
        match = re.search(r'^msgid ((?:".*"\n?)+)msgstr ""\s*$', block, re.M)
        if not match:
            continue
        msgid = unquote(match.group(1))
        if not msgid:
            continue
        msgstr = table.get(msgid)
        if msgstr is None:
            msgstr = next((v for p, v in prefixes.items() if msgid.startswith(p)), None)
        if msgstr:
            blocks[i] = block[: block.rindex('msgstr ""')] + "msgstr " + quote(msgstr)
            done += 1
    open(out, "w", encoding="utf-8").write("\n\n".join(blocks))
    print(f"{out}: {done} translated")


if __name__ == "__main__":
    main(*sys.argv[1:5])
