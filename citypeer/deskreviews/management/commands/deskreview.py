"""citypeer deskreview compiled REVIEW_ID [--json]"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404

from citypeer.common.lookup import get_review
from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.deskreviews.interfaces.serializers import CompiledDeskReviewSerializer
from citypeer.deskreviews.labels import STATUS, alpha_label, performance_label


class Command(BaseCommand):
    help = "The peers' desk reviews (step 4)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        compiled = sub.add_parser(
            "compiled", help="print the compiled desk review of a review (submitted desk "
                             "reviews side by side, team status, agreement)",
        )
        compiled.add_argument("review", type=int, metavar="REVIEW_ID")
        compiled.add_argument("--json", action="store_true",
                              help="print the JSON the API gives (what the visit planner reads)")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_compiled(self, *, review, json: bool, **_):
        try:
            found = get_review(review)
        except Http404:
            raise CommandError(f"There is no review {review}.") from None
        view = compiled_desk_review(review=found)
        if json:
            self.stdout.write(_dumps(CompiledDeskReviewSerializer(view).data))
            return
        self.stdout.write(render_text(view))


def _dumps(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _short(user) -> str:
    return user.initials or str(user)


def _agreement(agreement) -> str:
    return f"alpha {alpha_label(agreement)} ({agreement.pairable} pairable judgements)"


def render_text(view) -> str:
    review = view.review
    peers = view.peers_in_order
    lines = [
        f"Compiled desk review of {review.city} ({review.programme.name}, "
        f"{review.programme.benchmark.slug} v{review.programme.benchmark.version})",
        "Peers: " + (", ".join(f"{p} ({_short(p)})" for p in peers) or "none submitted yet"),
    ]
    if view.pending:
        lines.append("Not submitted yet: " + ", ".join(str(p) for p in view.pending))
    lines.append(f"All indicators: {_agreement(view.compiled.agreement)}")
    by_pillar = {}
    for item in view.compiled.indicators:
        by_pillar.setdefault(item.pillar, []).append(item)
    for pillar in view.compiled.pillars:
        spread = "-" if pillar.max_spread is None else pillar.max_spread
        lines += ["", f"{pillar.pillar} {view.pillars[pillar.pillar].name}: "
                      f"{_agreement(pillar.agreement)}, largest spread {spread}"]
        for item in by_pillar[pillar.pillar]:
            judgements = "  ".join(
                f"{_short(view.peers[j.peer])}: "
                f"{performance_label(j.performance.value if j.performance else '')}"
                for j in item.judgements
            )
            spread = "-" if item.spread is None else item.spread
            lines.append(f"  {item.indicator:<9} {STATUS[item.status]!s:<18} spread {spread}"
                         f"   {judgements}".rstrip())
            for question in item.questions:
                askers = ", ".join(_short(view.peers[p]) for p in question.asked_by)
                lines.append(f"      ask:  {question.text} ({askers})")
            for person in item.to_meet:
                lines.append(f"      meet: {view.people[person.key]} ×{person.count}")
    return "\n".join(lines) + "\n"
