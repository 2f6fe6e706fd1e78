"""What the revision API reads and writes."""

from rest_framework import serializers

from citypeer.revisions.models import IndicatorComment


class CommentSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code",
                                      help_text="indicator code, e.g. GG/I/3")
    kind = serializers.ChoiceField(choices=IndicatorComment.Kind.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")

    class Meta:
        model = IndicatorComment
        fields = ["id", "indicator", "kind", "text", "created_at"]
        read_only_fields = ["id", "created_at"]


class ChangeSerializer(serializers.Serializer):
    old = serializers.CharField(source="old_code", allow_null=True)
    new = serializers.CharField(source="new_code", allow_null=True)
    kinds = serializers.ListField(child=serializers.CharField())
    similarity = serializers.SerializerMethodField()

    def get_similarity(self, change) -> float:
        return round(change.similarity, 3)


class DiffSerializer(serializers.Serializer):
    """A draft's changes against the version it revises (`DraftDiff`), with the edit of the
    draft they were computed from: the edit count to publish it with."""

    edit_count = serializers.IntegerField(read_only=True)
    old_version = serializers.IntegerField(source="old.version")
    new_version = serializers.IntegerField(source="new.version")
    changes = ChangeSerializer(source="revision.changes", many=True)
    mapping = serializers.DictField(source="revision.mapping", child=serializers.CharField())


class PublishSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(
        min_value=0, write_only=True,
        help_text="the draft's edit count whose changes you saw (the diff gives it)")


class PublishedVersionSerializer(serializers.Serializer):
    slug = serializers.CharField()
    version = serializers.IntegerField()
