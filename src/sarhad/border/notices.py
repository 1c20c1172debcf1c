"""Documents the border produces: the refusal-of-entry notice (PDF) and list exports (XLSX)."""

from __future__ import annotations

import io

from django.utils import timezone


def refusal_notice_pdf(refusal) -> bytes:
    """A one-page notice of refusal of entry, modelled on the standard form: who was
    refused, where, when, on which grounds (A–I), and the officer's notes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            title="Refusal of entry", author="Sarhad")
    styles = getSampleStyleSheet()
    person = refusal.person
    when = timezone.localtime(refusal.occurred_at)
    rows = [
        ["Surname", person.surname], ["Given names", person.given_names],
        ["Date of birth", person.birth_date_display], ["Sex", person.sex],
        ["Travel document", str(refusal.document) if refusal.document else "-"],
        ["Border crossing point", f"{refusal.post.code} {refusal.post.name}"],
        ["Date and time", when.strftime("%Y-%m-%d %H:%M")],
    ]
    story = [
        Paragraph("Republic of Azerbaijan - State Border Service", styles["Heading3"]),
        Paragraph("Refusal of entry at the border", styles["Title"]),
        Spacer(1, 4 * mm),
        Table(rows, colWidths=[55 * mm, 110 * mm]),
        Spacer(1, 6 * mm),
        Paragraph("Entry is refused on the following grounds:", styles["Heading4"]),
    ]
    for reason in refusal.reasons.all():
        story.append(Paragraph(f"<b>({reason.code})</b> {reason.text}", styles["Normal"]))
    if refusal.notes:
        story += [Spacer(1, 4 * mm), Paragraph("Remarks:", styles["Heading4"]), Paragraph(refusal.notes, styles["Normal"])]
    story += [
        Spacer(1, 10 * mm),
        Paragraph("The person concerned may appeal against this decision in accordance with national law.",
                  styles["Italic"]),
        Spacer(1, 12 * mm),
        Paragraph(f"Reference: {refusal.pk}", styles["Normal"]),
    ]
    doc.build(story)
    return buffer.getvalue()


def overstayers_xlsx(rows: list[dict], columns: list[str]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Overstayers")
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c) for c in columns])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
