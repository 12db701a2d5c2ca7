"""lo_fill.py - fills medsec's blank intake workbook in LibreOffice, as a person would:
typing into the cells under the headers (LibreOffice parses what is typed, as it does at
the keyboard), then saving as .xlsx. Usage: lo_fill.py PIPE-NAME IN.xlsx OUT.xlsx
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer on pipe %s" % pipe)


FORMATS = None


def type_into(cell, text):
    """What the keyboard does: a text-formatted (@) cell keeps what is typed as text,
    any other cell parses it (numbers, dates)."""
    fmt = FORMATS.getByKey(cell.NumberFormat).FormatString
    if fmt == "@":
        cell.setString(text)
    else:
        cell.setFormula(text)


def header_columns(sheet, row=3, width=40):
    cols = {}
    for c in range(width):
        text = sheet.getCellByPosition(c, row).getString()
        if text:
            cols.setdefault(text.replace("(*)", ""), c)
    return cols


def type_row(sheet, cols, row, values, first_col=0):
    for header, text in values.items():
        col = min(c for h, c in header_columns(sheet).items()
                  if h == header and c >= first_col)
        type_into(sheet.getCellByPosition(col, row), text)


def main():
    pipe, src, dst = sys.argv[1:4]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True),))
    sheets = doc.getSheets()
    global FORMATS
    FORMATS = doc.getNumberFormats()

    basic = sheets.getByName("基本情報記入シート")
    labels = {basic.getCellByPosition(0, r).getString().replace("(*)", ""): r
              for r in range(40)}
    for label, text in {"本施策の同意確認": "同意する", "医療機関名": "しらかば記念病院",
                        "住所": "北海道札幌市中央区北1条西1", "病床数": "312",
                        "記入日": "2026-10-01",
                        "確認者名(医療機関のご担当者名)": "札幌 一郎"}.items():
        type_into(basic.getCellByPosition(1, labels[label]), text)
    contact = labels["担当者1"]
    cols = header_columns(basic, labels["担当者"])
    type_into(basic.getCellByPosition(cols["氏名"], contact), "札幌 一郎")
    type_into(basic.getCellByPosition(cols["電話番号"], contact), "011-000-0000")

    lines = sheets.getByName("回線・機器情報記入シート")
    cols = header_columns(lines)
    type_row(lines, cols, 5, {
        "回線番号": "回線1", "調査希望(装置バージョン確認)": "調査希望あり",
        "調査希望(脆弱性診断)": "調査希望あり",
        "電子カルテシステムの所属するネットワークとの接続": "あり", "用途・システム名": "電子カルテ",
        "通信形態": "インターネットVPN", "グローバルIP利用": "あり", "固定IP/動的IP": "固定IP",
        "グローバルIPアドレス": "198.18.20.1", "回線終端装置設置場所": "B1F 電気室"})
    type_row(lines, cols, 6, {
        "回線番号": "2", "調査希望(装置バージョン確認)": "調査希望なし",
        "調査希望(脆弱性診断)": "調査希望なし",
        "電子カルテシステムの所属するネットワークとの接続": "なし", "用途・システム名": "FAX",
        "通信形態": "電話回線のみ", "回線終端装置設置場所": "1F 事務室"})
    device_first = cols["対象回線"]
    type_row(lines, cols, 5, {
        "対象回線": "1", "機器種別": "ルータ", "メーカー": "Cisco", "機種名": "ISR 1111",
        "ソフトウェアバージョン": "15.0", "製造年": "2019", "初期パスワード変更": "変更済み",
        "パスワード文字数": "13文字以上", "パスワード定期変更": "なし",
        "他機器とのパスワード使い回し": "なし", "二要素認証": "なし"}, first_col=device_first)

    terms = sheets.getByName("調査端末情報記入シート")
    type_row(terms, header_columns(terms), 5, {
        "端末番号": "1", "システム種別": "電子カルテ", "シンクライアント利用": "いいえ",
        "端末ホスト名": "EMR-01", "IPアドレス": "192.168.1.25/24", "設置場所": "2F 外来"})

    doc.storeToURL(uno.systemPathToFileUrl(dst),
                   (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge drops as LibreOffice exits


if __name__ == "__main__":
    main()
