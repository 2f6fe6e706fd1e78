"""The desk review in the REST API: a peer's judgements and desk reviews, and the compiled
desk review the visit planner reads (also what `citypeer deskreview compiled --json`
prints). A judgement's save names the edit count it started from."""

from __future__ import annotations

from rest_framework import serializers

from citypeer.deskreviews.method.compilation import AlphaUndefined, TeamStatus
from citypeer.deskreviews.models import DeskJudgement

PERFORMANCE_CHOICES = [("", "not judged yet"), *DeskJudgement.Performance.choices]


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")
    initials = serializers.CharField(allow_blank=True)


class NewPersonSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                         default="")


def _texts(help_text):
    return serializers.ListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        required=False, default=list, help_text=help_text,
    )


class PeopleToMeetField(serializers.ListField):
    """The ids of the report's responsible people a judgement wants to meet."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.IntegerField(), **kwargs)

    def get_attribute(self, judgement):
        return sorted(p.pk for p in judgement.to_meet.all()) if judgement.pk else []


class JudgementSerializer(serializers.Serializer):
    """A peer's judgement of one indicator. `edit_count` is the one the change starts from
    (0 for a first save); a stale one is answered with 409 and both versions."""

    indicator = serializers.CharField(source="indicator.code", read_only=True,
                                      help_text="indicator code, e.g. AC/A/3")
    performance = serializers.ChoiceField(choices=PERFORMANCE_CHOICES, required=False,
                                          allow_blank=True, default="")
    known = _texts("we know")
    unknown = _texts("we don't know")
    suspected = _texts("we suspect")
    questions = _texts("we would like to ask")
    to_meet = PeopleToMeetField(
        required=False, default=list,
        help_text="ids of people the initial report names (responsible people)",
    )
    to_meet_new = NewPersonSerializer(many=True, required=False, default=list,
                                      help_text="people to meet who are not in the report")
    edit_count = serializers.IntegerField(min_value=0)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class DeskReviewSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    review = serializers.IntegerField(source="review_id")
    peer = PersonSerializer()
    submitted_at = serializers.DateTimeField(allow_null=True)
    judged = serializers.IntegerField(help_text="indicators with a performance")
    total = serializers.SerializerMethodField(help_text="indicators in the benchmark")

    def get_total(self, desk_review) -> int:
        return self.context["total"]


class DeskReviewSerializer(DeskReviewSummarySerializer):
    judgements = JudgementSerializer(source="judgements_in_full", many=True)


# --- the compiled desk review (a `domain.compiled.CompiledView`) -------------------------

class PeerIdField(serializers.IntegerField):
    """A peer of the compiled view (by its key there), given as the person's id."""

    def to_representation(self, key):
        return self.context["view"].peers[key].pk


class AgreementSerializer(serializers.Serializer):
    alpha = serializers.FloatField(allow_null=True,
                                   help_text="Krippendorff's alpha, ordinal; null if undefined")
    pairable = serializers.IntegerField(help_text="judgements alpha rests on")
    undefined_because = serializers.ChoiceField(
        source="reason", choices=[r.value for r in AlphaUndefined], allow_null=True,
    )


class CompiledPillarSerializer(serializers.Serializer):
    code = serializers.CharField(source="pillar")
    name = serializers.SerializerMethodField()
    indicators = serializers.ListField(child=serializers.CharField())
    agreement = AgreementSerializer()
    max_spread = serializers.IntegerField(allow_null=True)

    def get_name(self, pillar) -> str:
        return self.context["view"].pillars[pillar.pillar].name


class DistinctListField(serializers.ListField):
    def to_representation(self, data):
        return super().to_representation(list(dict.fromkeys(data)))


class CompiledJudgementSerializer(serializers.Serializer):
    peer = PeerIdField()
    performance = serializers.ChoiceField(choices=DeskJudgement.Performance.choices,
                                          allow_null=True)
    known = serializers.ListField(child=serializers.CharField())
    unknown = serializers.ListField(child=serializers.CharField())
    suspected = serializers.ListField(child=serializers.CharField())
    questions = serializers.ListField(child=serializers.CharField())
    to_meet = DistinctListField(child=serializers.CharField(), help_text="person keys")


class MergedQuestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    asked_by = serializers.ListField(child=PeerIdField(), help_text="peer ids")


class PersonToMeetSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="person:<responsible person id>, or new:<name>|<org>")
    name = serializers.SerializerMethodField()
    role = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField()
    responsible_person_id = serializers.SerializerMethodField()
    count = serializers.IntegerField(help_text="how many peers asked to meet this person")
    asked_by = serializers.ListField(child=PeerIdField(), help_text="peer ids")

    def _label(self, wanted):
        return self.context["view"].people[wanted.key]

    def get_name(self, wanted) -> str:
        return self._label(wanted).name

    def get_role(self, wanted) -> str:
        return self._label(wanted).role

    def get_organisation(self, wanted) -> str:
        return self._label(wanted).organisation

    def get_responsible_person_id(self, wanted) -> int | None:
        return self._label(wanted).responsible_person_id


class CompiledIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField(source="indicator")
    pillar = serializers.CharField()
    text = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=[s.value for s in TeamStatus])
    judged = serializers.IntegerField()
    spread = serializers.IntegerField(allow_null=True)
    judgements = CompiledJudgementSerializer(many=True)
    questions = MergedQuestionSerializer(many=True)
    to_meet = PersonToMeetSerializer(many=True)

    def get_text(self, item) -> str:
        return self.context["view"].indicators[item.indicator].text


class BenchmarkRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    version = serializers.IntegerField()


class CompiledDeskReviewSerializer(serializers.Serializer):
    """Submitted desk reviews side by side. Status: needs_information when a peer needs
    more information or nobody judged; else agrees when all who judged gave the same
    performance; else split."""

    review = serializers.IntegerField(source="review.pk")
    city = serializers.CharField(source="review.city")
    programme = serializers.CharField(source="review.programme.slug")
    benchmark = BenchmarkRefSerializer(source="review.programme.benchmark")
    peers = PersonSerializer(source="peers_in_order", many=True,
                             help_text="whose submitted desk reviews are compiled")
    pending = PersonSerializer(many=True, help_text="team peers who have not submitted")
    agreement = AgreementSerializer(source="compiled.agreement")
    pillars = CompiledPillarSerializer(source="compiled.pillars", many=True)
    indicators = CompiledIndicatorSerializer(source="compiled.indicators", many=True)

    def __init__(self, view=None, **kwargs):
        super().__init__(view, **kwargs)
        # What the nested serializers look peers, people, pillars and indicators up in.
        self._context.setdefault("view", view)
