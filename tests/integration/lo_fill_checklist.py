"""lo_fill_checklist.py - answers medsec's monthly checklist workbook in LibreOffice as a person
would, then saves it as .xlsx: the month retyped as a date (what a spreadsheet makes of
"2026-11" typed into a cell that is not text), who answers, and levels typed beside items, one
of them as a number. Usage: lo_fill_checklist.py PIPE IN OUT
"""
import sys

import uno

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import lo_fill as lo  # noqa: E402  (connect, prop, type_into; its main() runs only as a script)

LEVELS = {1: "2", 2: "1", 4: "0", 9: "2", 20: "3"}


def main():
    pipe, src, dst = sys.argv[1:4]
    ctx = lo.connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (lo.prop("Hidden", True),))
    lo.FORMATS = doc.getNumberFormats()
    sheet = doc.getSheets().getByName("チェックリスト")
    labels = {sheet.getCellByPosition(0, r).getString(): r for r in range(12)}
    month = sheet.getCellByPosition(1, labels["対象月"])
    month.NumberFormat = 0  # General: the typed month becomes a date
    month.setFormula("2026-11-01")
    lo.type_into(sheet.getCellByPosition(1, labels["回答者"]), "情報システム課 山田")
    cols = lo.header_columns(sheet, row=labels["番号"])
    for r in range(labels["番号"] + 1, labels["番号"] + 21):
        no = int(sheet.getCellByPosition(cols["番号"], r).getValue())
        if no == 20:
            sheet.getCellByPosition(cols["レベル"], r).setValue(3)  # a number, not text
        elif no in LEVELS:
            lo.type_into(sheet.getCellByPosition(cols["レベル"], r), LEVELS[no])
    doc.storeToURL(uno.systemPathToFileUrl(dst),
                   (lo.prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass


main()
