#!/usr/bin/env python3
"""Writes the hand-made extraction-report samples (calls, messages, contacts sheets).

They are made by hand in the shapes the XLSX exports of seized-phone extraction tools take
(MSAB XRY "Calls", Oxygen Forensic Detective "Messages", Magnet AXIOM "Contacts"): a title
block above the table as these tools write it, dates as Excel date cells, durations as
hh:mm:ss. Every name and number is fictional. Usage: make_extraction_samples.py [FOLDER]
"""
import sys
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def serial(text):
    """Excel's 1900 date serial of 'YYYY-MM-DD HH:MM:SS'."""
    moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    delta = moment - datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell(ref, value):
    if isinstance(value, tuple):  # ("date", text)
        return f'<c r="{ref}" s="1"><v>{serial(value[1])!r}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def workbook(path, sheet_name, title_rows, header, rows):
    xml_rows = []
    number = 0
    for values in title_rows + [[]] + [header] + rows:
        number += 1
        cells = "".join(cell(f"{column(i)}{number}", v) for i, v in enumerate(values) if v != "")
        xml_rows.append(f'<row r="{number}">{cells}</row>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}">'
             f'<sheetData>{"".join(xml_rows)}</sheetData></worksheet>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{NS}">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm:ss"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" xmlns:r="{REL}">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/styles.xml": styles,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 10, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    device = [["Case: MA-2026-0001  Exhibit EXH-1-PHONES-3"],
              ["Device: Samsung SM-A125F  IMEI 490154203237518  MSISDN +212661234567"]]
    # MSAB XRY, Calls view (times in UTC as exported).
    workbook(f"{folder}/xry_calls.xlsx", "Calls", [["XRY Export - Calls"]] + device,
             ["#", "Type", "Name", "Number", "Time", "Duration", "Deleted"],
             [[1, "Outgoing", "Karim passeur", "0612345678", ("d", "2025-03-01 22:15:00"), "00:02:05", ""],
              [2, "Incoming", "Karim passeur", "+212 612 345 678", ("d", "2025-03-02 09:40:10"), "00:00:47", ""],
              [3, "Missed", "", "+218 91 234 5678", ("d", "2025-03-02 23:05:00"), "00:00:00", ""],
              [4, "Outgoing", "Aïcha", "00216 20 123 456", ("d", "2025-03-03 07:30:00"), "00:11:02", "Yes"],
              [5, "Incoming", "محمد بن علي", "0698765432", ("d", "2025-03-03 08:02:33"), "01:02:03", ""]])
    # Oxygen Forensic Detective, Messages (SMS and WhatsApp).
    workbook(f"{folder}/oxygen_messages.xlsx", "Messages", [["Oxygen Forensic Detective - Messages"]] + device,
             ["Direction", "Contact", "Phone number", "Date", "Text", "Source"],
             [["Incoming", "Karim passeur", "0612345678", ("d", "2025-03-01 21:50:00"),
               "Départ demain soir, 2000 euros, plage de Nador", "SMS"],
              ["Outgoing", "Karim passeur", "0612345678", ("d", "2025-03-01 21:52:10"), "OK. Mon frère paie par Wafacash", "SMS"],
              ["Incoming", "محمد بن علي", "0698765432", ("d", "2025-03-02 10:00:00"),
               "أرسل صورة الجواز", "WhatsApp"],
              ["Outgoing", "Aïcha", "00216 20 123 456", ("d", "2025-03-03 07:29:00"), "=HYPERLINK(\"x\")", "WhatsApp"]])
    # Magnet AXIOM, Contacts artifact.
    workbook(f"{folder}/axiom_contacts.xlsx", "Contacts", [["Magnet AXIOM - Contacts"]] + device,
             ["Display Name", "Phone Number", "Source"],
             [["Karim passeur", "0612345678", "Android Contacts"],
              ["محمد بن علي", "+212 698-765432", "WhatsApp"],
              ["Aïcha", "00216 20 123 456", "Android Contacts"],
              ["Hajj Omar (hawala)", "+218 91 234 5678", "Android Contacts"]])


if __name__ == "__main__":
    main()
