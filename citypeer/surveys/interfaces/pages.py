"""What the survey's templates show, built from a definition and answers or from a results
document, so that the pages hold no rules of their own."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from citypeer.surveys.interfaces import charts
from citypeer.surveys.method.answers import as_text
from citypeer.surveys.method.definition import (
    MULTIPLE,
    SCALE,
    SINGLE,
    QuestionSpec,
    SurveyDefinition,
    scale_points,
)
from citypeer.surveys.method.numbers import plain_number


def condition_text(question: QuestionSpec, definition: SurveyDefinition, language: str) -> str:
    condition = question.condition
    if condition is None:
        return ""
    target = definition.question(condition.question)
    value = as_text(target, condition.value if target.kind != MULTIPLE else (condition.value,),
                    language) if target else condition.value
    if condition.operator == "includes":
        return _("Answer this if your answer to %(code)s includes “%(value)s”.") % {
            "code": condition.question, "value": value}
    return _("Answer this if your answer to %(code)s is “%(value)s”.") % {
        "code": condition.question, "value": value}


def _options(question: QuestionSpec, language: str):
    if question.kind == SCALE:
        points = scale_points(question)
        labels = {points[0]: question.label_in(language, "low_label"),
                  points[-1]: question.label_in(language, "high_label")} if points else {}
        return [(str(p), f"{p} – {labels[p]}" if labels.get(p) else str(p)) for p in points]
    return [(c.value, c.translations.get(language) or c.label) for c in question.choices]


def response_items(definition: SurveyDefinition, values: dict, problems, shown: set,
                   language: str) -> list[dict]:
    """One item per question: what it asks, the answer to show, its problems, whether its
    condition shows it now, and where a new section begins."""
    by_code: dict[str, list[str]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem.text(_))
    items, section = [], None
    for number, question in enumerate(definition.questions, start=1):
        value = values.get(question.code)
        field = _field_value(value)
        chosen = set(field) if isinstance(field, list) else ({field} if field else set())
        items.append({
            "number": number, "question": question, "name": f"answer-{question.code}",
            "id": f"answer-{number}", "text": question.label_in(language),
            "hint": question.label_in(language, "hint"),
            "options": [(v, label, v in chosen) for v, label in _options(question, language)]
            if question.kind in (SCALE, SINGLE, MULTIPLE) else [],
            "value": "" if question.kind in (SCALE, SINGLE, MULTIPLE) else field,
            "answer_text": _answer_text(question, value, language),
            "problems": by_code.get(question.code, []),
            "shown": question.code in shown,
            "condition": condition_text(question, definition, language),
            "new_section": question.section if question.section != section else None,
            "bounds": _bounds_text(question),
        })
        section = question.section
    return items


def _field_value(value):
    """An answer (parsed, or as typed in a refused form) as the form's fields hold it."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, Decimal):
        return plain_number(value)
    return str(value)


def _answer_text(question, value, language) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        value = tuple(value)
    return as_text(question, value, language)


def _bounds_text(question: QuestionSpec) -> str:
    if question.kind != "number":
        return ""
    low, high = question.minimum, question.maximum
    if low is not None and high is not None:
        text = _("From %(low)s to %(high)s.") % {"low": plain_number(low),
                                                 "high": plain_number(high)}
    elif low is not None:
        text = _("At least %(low)s.") % {"low": plain_number(low)}
    elif high is not None:
        text = _("At most %(high)s.") % {"high": plain_number(high)}
    else:
        text = ""
    if question.whole:
        text = f"{text} {_('A whole number.')}".strip()
    return text


def result_items(document: dict) -> list[dict]:
    """Per question: its text, its results, a chart and the rows of the table beside it, and
    the cities' answers when the document holds them."""
    results = {r["code"]: r for r in document["results"]}
    questions = {q["code"]: q for q in document["questions"]}
    cities = document["cities"]
    items, section = [], None
    for number, question in enumerate(document["questions"], start=1):
        result = results[question["code"]]
        items.append({
            "number": number, "question": question, "result": result,
            "chart": charts.result_chart(question, result, salt=f"{number}"),
            "answers": [(c, _answer(question, c["answers"].get(question["code"])))
                        for c in cities] if cities is not None else None,
            "new_section": question["section"] if question["section"] != section else None,
            "condition": _asked_when(question, questions),
        })
        section = question["section"]
    return items


def _asked_when(question: dict, questions: dict) -> str:
    condition = question.get("condition")
    if not condition:
        return ""
    target = questions.get(condition["question"], {"choices": []})
    value = _answer(target, condition["value"]) if target["choices"] else condition["value"]
    if condition["operator"] == "includes":
        return _("asked only when the answers to %(code)s include “%(value)s”") % {
            "code": condition["question"], "value": value}
    return _("asked only when the answer to %(code)s is “%(value)s”") % {
        "code": condition["question"], "value": value}


def _answer(question: dict, value) -> str:
    if value is None:
        return ""
    labels = {c["value"]: c["label"] for c in question["choices"]}
    if isinstance(value, list):
        return "; ".join(labels.get(v, v) for v in value)
    return labels.get(value, str(value)) if isinstance(value, str) else f"{value:g}"


def city_items(document: dict, slug: str) -> tuple[dict, list[dict]] | None:
    city = next((c for c in document["cities"] or [] if c["slug"] == slug), None)
    if city is None:
        return None
    return city, [{"question": q, "answer": _answer(q, city["answers"].get(q["code"]))}
                  for q in document["questions"]]


def trend_items(document: dict) -> list[dict]:
    return [{**trend, "chart": charts.trend_chart(trend, salt=f"{index}")}
            for index, trend in enumerate(document["questions"])]


def city_trend_rows(document: dict, code: str) -> list[dict]:
    """Each city's answer to one question, year by year."""
    years = document["city_years"]
    trend = next((q for q in document["questions"] if q["code"] == code), {"years": []})
    labels = {c["value"]: c["label"] for point in trend["years"] for c in point["counts"]}
    rows = []
    for city in document["cities"]:
        series = {e["year"]: e["value"] for e in city["answers"].get(code, [])}
        if series:
            rows.append({"city": city, "values": [
                _plain(series.get(year), labels) for year in years]})
    return rows


def _plain(value, labels) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(labels.get(v, v) for v in value)
    if isinstance(value, int | float):
        return f"{value:g}"
    return labels.get(value, str(value))
