"""The shapes of /api/v1/ for teams, conflicts of interest and training. People are named by
their user name, cities by their short name, as on the command line."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.models import Review
from citypeer.teams.models import Conflict, TeamMember, TrainingEvent


class PersonField(serializers.SlugRelatedField):
    """A person, named by their user name."""

    default_error_messages = {"does_not_exist": _("There is no person {value}."),
                              "invalid": _("Give a user name.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "user name")
        super().__init__(slug_field="username", queryset=User.objects.select_related("city"),
                         **kwargs)


class CityField(serializers.SlugRelatedField):
    """A city, named by its short name."""

    default_error_messages = {"does_not_exist": _("There is no city {value}."),
                              "invalid": _("Give the short name of a city.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "short name of the city")
        super().__init__(slug_field="slug", queryset=City.objects.all(), **kwargs)


class ReviewField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"does_not_exist": _("There is no review {pk_value}.")}

    def __init__(self, **kwargs):
        super().__init__(queryset=Review.objects.select_related("city", "programme"), **kwargs)


class ProgrammeTrainingEventField(serializers.PrimaryKeyRelatedField):
    """A training session of the programme of the review in the context."""

    default_error_messages = {
        "does_not_exist": _("There is no training session {pk_value} in this programme.")}

    def __init__(self, **kwargs):
        super().__init__(queryset=TrainingEvent.objects.all(), **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(programme_id=self.context["review"].programme_id)


class TeamMemberSerializer(serializers.Serializer):
    person = serializers.CharField(source="person.username")
    name = serializers.CharField(source="person.__str__")
    city = serializers.CharField(source="person.city.slug", allow_null=True, default=None)
    role = serializers.ChoiceField(choices=TeamMember.Role.choices)


class TeamSerializer(serializers.Serializer):
    review = serializers.IntegerField(source="pk")
    programme = serializers.CharField(source="programme.slug")
    city = serializers.CharField(source="city.slug")
    city_name = serializers.CharField(source="city.name")
    leader = serializers.SerializerMethodField()
    leader_appointed_at = serializers.SerializerMethodField(
        help_text="id of the training session where the leader was appointed"
    )
    members = serializers.SerializerMethodField()

    def _team(self, review):
        from citypeer.teams.domain.queries.teams import team_or_none

        return team_or_none(review)

    def get_leader(self, review) -> str | None:
        team = self._team(review)
        return team.leader.username if team and team.leader else None

    def get_leader_appointed_at(self, review) -> int | None:
        team = self._team(review)
        return team.leader_appointed_at_id if team else None

    @extend_schema_field(TeamMemberSerializer(many=True))
    def get_members(self, review):
        team = self._team(review)
        return TeamMemberSerializer(team.members.all() if team else [], many=True).data


class TeamAssignSerializer(serializers.Serializer):
    person = PersonField()
    role = serializers.ChoiceField(choices=TeamMember.Role.choices, default=TeamMember.Role.PEER)


class TeamLeaderSerializer(serializers.Serializer):
    # Needs the review in its context (for `appointed_at`).
    person = PersonField(help_text="user name of a member of the team")
    appointed_at = ProgrammeTrainingEventField(
        required=False, allow_null=True, help_text="id of a training session of the programme"
    )


class TeamObstacleSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text="the rule: team_size, own_city, conflicts, …")
    message = serializers.CharField()


class UsernamesField(serializers.ListField):
    """People, shown as their user names."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(child=serializers.CharField(), **kwargs)

    def to_representation(self, people):
        return [person.username for person in people]


class SuggestedTeamSerializer(serializers.Serializer):
    # Serializes a `suggestions.ProposedTeam`.
    review = serializers.IntegerField(source="review.pk")
    city = serializers.CharField(source="review.city.slug")
    city_name = serializers.CharField(source="review.city.name")
    language = serializers.CharField(help_text="the language every member speaks")
    members = UsernamesField()
    added = UsernamesField(help_text="the members the suggestion adds")


class SuggestionLeftOutSerializer(serializers.Serializer):
    person = serializers.CharField(source="person.username")
    why = serializers.CharField()


class TeamSuggestionSerializer(serializers.Serializer):
    # Serializes a `suggestions.ProgrammeSuggestion`.
    programme = serializers.CharField(source="programme.slug")
    status = serializers.ChoiceField(choices=["optimal", "feasible", "infeasible", "unknown"])
    teams = SuggestedTeamSerializer(many=True)
    explanation = TeamObstacleSerializer(many=True,
                                         help_text="why no teams can be formed, rule by rule")
    left_out = SuggestionLeftOutSerializer(many=True)
    pairs_again = serializers.ListField(child=UsernamesField(), read_only=True,
                                        help_text="pairs who work together again")


class TeamAssignmentSerializer(serializers.Serializer):
    review = serializers.IntegerField()
    person = PersonField()


class TeamSuggestionAcceptSerializer(serializers.Serializer):
    assignments = TeamAssignmentSerializer(many=True)


class ConflictOfInterestSerializer(serializers.ModelSerializer):
    person = serializers.CharField(source="person.username")
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    city = serializers.CharField(source="city.slug")
    declared_by = serializers.CharField(source="declared_by.username", read_only=True,
                                        allow_null=True, default=None)

    class Meta:
        model = Conflict
        fields = ["id", "person", "person_name", "city", "kind", "note", "pinned",
                  "declared_by", "declared_at"]
        read_only_fields = ["id", "declared_at"]


class ConflictOfInterestDeclareSerializer(serializers.Serializer):
    person = PersonField(required=False, help_text="user name (default: yourself)")
    city = CityField()
    kind = serializers.ChoiceField(choices=[c for c in Conflict.Kind.choices
                                            if c[0] != Conflict.Kind.OWN_CITY])
    note = serializers.CharField(required=False, allow_blank=True, default="")
    pinned = serializers.BooleanField(required=False, default=False,
                                      help_text="coordinator only")


class ConflictOfInterestPinSerializer(serializers.Serializer):
    pinned = serializers.BooleanField()


class TrainingMaterialSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="served only to those allowed to see it")

    def get_url(self, material) -> str:
        path = reverse("teams:material", args=[material.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class TrainingEventSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="programme.slug", read_only=True)

    class Meta:
        model = TrainingEvent
        fields = ["id", "programme", "title", "starts_on", "ends_on", "place", "description"]
        read_only_fields = ["id", "programme"]


class TrainingAttendanceSerializer(serializers.Serializer):
    person = serializers.CharField(source="person.username")
    attended = serializers.BooleanField()


class TrainingEventDetailSerializer(TrainingEventSerializer):
    attendance = serializers.SerializerMethodField()
    materials = serializers.SerializerMethodField()

    class Meta(TrainingEventSerializer.Meta):
        fields = [*TrainingEventSerializer.Meta.fields, "attendance", "materials"]

    @extend_schema_field(TrainingAttendanceSerializer(many=True))
    def get_attendance(self, event):
        return TrainingAttendanceSerializer(event.attendance.all(), many=True).data

    @extend_schema_field(TrainingMaterialSerializer(many=True))
    def get_materials(self, event):
        return TrainingMaterialSerializer(event.materials.all(), many=True,
                                          context=self.context).data


class TrainingAttendanceUpdateSerializer(serializers.Serializer):
    present = PersonField(many=True, help_text="user names of those who attended")


class TrainingMaterialUploadSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, default="")
    file = serializers.FileField()


class TrainingLeaderAppointSerializer(serializers.Serializer):
    review = ReviewField()
    person = PersonField(help_text="user name of a member of the review's team")
