"""Forms of the watchlist pages: they read and check input; services do the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .importers import FORMATS
from .models import ListKind, RequiredAction
from .values import EntryData

FORMAT_LABELS = {
    "un-xml": _("UN Security Council Consolidated List (XML)"),
    "ftm": _("FollowTheMoney JSON lines (OpenSanctions)"),
    "csv": _("Sarhad watchlist CSV"),
}


class ListForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=ListKind.choices)
    source = forms.CharField(label=_("Source"), max_length=200, required=False)
    required_action = forms.ChoiceField(
        label=_("Required action"), required=False,
        choices=[("", _("Default for the kind"))] + list(RequiredAction.choices),
    )


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[(f, FORMAT_LABELS[f]) for f in FORMATS])
    file = forms.FileField(label=_("File"))
    replace = forms.BooleanField(
        label=_("The file is the whole list: deactivate entries that are not in it"), required=False)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").replace("\n", ";").split(";") if part.strip())


class EntryForm(forms.Form):
    """An entry as text: several values in one field are separated by ``;`` or new lines."""

    external_id = forms.CharField(label=_("Id at the source"), max_length=120, required=False)
    names = forms.CharField(label=_("Names (any script)"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                            help_text=_("One per line or separated by ;"))
    aliases = forms.CharField(label=_("Aliases"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    birth_dates = forms.CharField(label=_("Dates of birth"), required=False,
                                  help_text=_("YYYY, YYYY-MM, YYYY-MM-DD or a range 1978..1982; separated by ;"))
    nationalities = forms.CharField(label=_("Nationalities"), required=False, help_text=_("ICAO codes, e.g. AZE;RUS"))
    sex = forms.ChoiceField(label=_("Sex"), required=False,
                            choices=[("", _("Unknown")), ("F", _("Female")), ("M", _("Male"))])
    documents = forms.CharField(label=_("Documents"), required=False,
                                help_text=_("NUMBER or NUMBER:ISSUING_STATE, separated by ;"))
    required_action = forms.ChoiceField(label=_("Required action"), required=False,
                                        choices=[("", _("As the list says"))] + list(RequiredAction.choices))
    remarks = forms.CharField(label=_("Remarks"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    @classmethod
    def for_entry(cls, entry) -> "EntryForm":
        return cls(initial={
            "external_id": entry.external_id, "names": "\n".join(entry.names), "aliases": "\n".join(entry.aliases),
            "birth_dates": "; ".join(entry.birth_dates), "nationalities": "; ".join(entry.nationalities),
            "sex": entry.sex, "documents": "; ".join(entry.documents), "required_action": entry.required_action,
            "remarks": entry.remarks,
        })

    def entry_data(self, listed_on=None) -> EntryData:
        d = self.cleaned_data
        return EntryData(
            names=_split(d["names"]), aliases=_split(d["aliases"]), birth_dates=_split(d["birth_dates"]),
            nationalities=_split(d["nationalities"]), sex=d["sex"], documents=_split(d["documents"]),
            required_action=d["required_action"], remarks=d["remarks"].strip(), external_id=d["external_id"].strip(),
            listed_on=listed_on,
        )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("dismiss", _("Dismiss"))])
    reason = forms.CharField(required=False, max_length=2000)
