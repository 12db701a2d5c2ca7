"""lo_fill_backup.py - fills medsec's blank offline-backup questionnaire in LibreOffice, as a
person would (typing under the headers and beside the labels), then saves it as .xlsx: the
sample hospital's answers of examples/sample-backup.json. Usage: lo_fill_backup.py PIPE IN OUT
"""
import sys

import uno

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import lo_fill as lo  # noqa: E402  (connect, prop, type_into; its main() runs only as a script)

ROWS = [
    {"システム名": "電子カルテ", "種別": "電子カルテ", "ベンダ": "ベンダA社", "診療継続に必要": "はい",
     "方式": "差分", "頻度": "毎日", "世代数": "7", "媒体": "NAS", "接続": "常時接続",
     "ネットワーク分離": "なし", "追記不能": "いいえ", "保管場所": "本館 B1F サーバ室",
     "最終リストア試験日": "2025-06-12", "リストア結果": "成功"},
    {"システム名": "オーダリング", "種別": "オーダリング", "ベンダ": "ベンダA社", "診療継続に必要": "はい",
     "方式": "レプリケーション", "頻度": "常時", "世代数": "1", "媒体": "バックアップサーバ",
     "接続": "常時接続", "ネットワーク分離": "なし", "保管場所": "本館 B1F サーバ室"},
    {"システム名": "医事会計・レセプト", "種別": "医事会計・レセプト", "ベンダ": "ベンダB社",
     "診療継続に必要": "はい", "方式": "フル", "頻度": "毎日", "世代数": "3", "媒体": "NAS",
     "接続": "転送時のみ接続", "保管場所": "本館 1F 医事課", "最終リストア試験日": "2026-03-02",
     "リストア結果": "成功"},
    # The EHR's second backup, after the other systems: rows of one system need not be together.
    {"システム名": "電子カルテ", "方式": "フル", "頻度": "毎週", "世代数": "4", "媒体": "テープ",
     "接続": "取り外し", "保管場所": "本館 B1F サーバ室 ラック内"},
    {"システム名": "医事会計・レセプト", "方式": "フル", "頻度": "毎月", "世代数": "12",
     "媒体": "外付けHDD", "接続": "取り外し", "交互に交換": "はい", "施錠保管": "はい",
     "保管場所": "事務長室 金庫"},
]
INTENT = {"医療機関名": "みなと中央病院", "回答日": "2026-11-20",
          "オフラインバックアップを運用中": "いいえ", "電子カルテベンダ等と検討中": "いいえ",
          "本事業の支援を希望": "はい", "サーバ・物品を新設": "はい", "調達時期": "年度内",
          "保存先": "院内の媒体"}


def main():
    pipe, src, dst = sys.argv[1:4]
    ctx = lo.connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (lo.prop("Hidden", True),))
    lo.FORMATS = doc.getNumberFormats()
    sheets = doc.getSheets()
    backups = sheets.getByName("バックアップ")
    cols = lo.header_columns(backups, row=2)
    for i, values in enumerate(ROWS):
        for header, text in values.items():
            lo.type_into(backups.getCellByPosition(cols[header], 3 + i), text)
    intent = sheets.getByName("支援の意向")
    labels = {intent.getCellByPosition(0, r).getString(): r for r in range(30)}
    for label, text in INTENT.items():
        lo.type_into(intent.getCellByPosition(1, labels[label]), text)
    doc.storeToURL(uno.systemPathToFileUrl(dst),
                   (lo.prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass


main()
