"""Forms of yb (filled in below)."""
from __future__ import annotations

from govproj.forms import Form
from govproj.forms.summary import summary_form

FORMS: tuple[Form, ...] = (summary_form("yb"),)
