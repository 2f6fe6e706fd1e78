"""The annual Integrating Cities survey of the Charter's signatory cities (seed 004: "monitoring
of the implementation of the Charter is also done through the annual Integrating Cities
survey of signatory cities").

The coordinator keeps the register of signatories, defines a survey for each year (questions
made from benchmarks and questions of the coordinator's own), sends it to each signatory's
contact with a personal link, and publishes its results as they choose. The rules of a
definition and of answers are plain Python in `surveys.method`; these rows only keep them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeer.surveys.method import definition


class Signatory(models.Model):
    """A city of the network that signed the Integrating Cities Charter, and whom the
    survey goes to."""

    city = models.OneToOneField("network.City", on_delete=models.PROTECT,
                                related_name="signatory", verbose_name=_("city"))
    signed_on = models.DateField(_("signed the Charter on"))
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_language = models.CharField(
        _("contact's language"), max_length=2, choices=settings.LANGUAGES, default="en",
        help_text=_("The language of the e-mails the contact receives."))
    withdrawn = models.BooleanField(
        _("withdrawn"), default=False,
        help_text=_("A city that withdrew from the Charter is not sent the survey any more; "
                    "its answers of past years are kept."))
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("signatory city")
        verbose_name_plural = _("signatory cities")
        ordering = ["city__name"]

    def __str__(self) -> str:
        return str(self.city)


class CharterSurvey(models.Model):
    """The survey of one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Publication(models.TextChoices):
        UNPUBLISHED = "unpublished", _("not published")
        AGGREGATED = "aggregated", _("published, aggregated only")
        PER_CITY = "per_city", _("published with each city's answers")

    year = models.PositiveIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    language = models.CharField(_("language of the questions"), max_length=2,
                                choices=settings.LANGUAGES, default="en")
    deadline = models.DateField(_("deadline"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.DRAFT)
    publication = models.CharField(_("publication"), max_length=12,
                                   choices=Publication.choices, default=Publication.UNPUBLISHED)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    benchmarks = models.ManyToManyField("benchmarks.Benchmark", blank=True, related_name="+",
                                        verbose_name=_("built from the benchmarks"))
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("started from"))
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Charter survey")
        verbose_name_plural = _("Charter surveys")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def is_published(self) -> bool:
        return self.publication != self.Publication.UNPUBLISHED


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = definition.SCALE, _("scale")
        SINGLE = definition.SINGLE, _("single choice")
        MULTIPLE = definition.MULTIPLE, _("multiple choice")
        NUMBER = definition.NUMBER, _("number")
        TEXT = definition.TEXT, _("text")

    class Operator(models.TextChoices):
        EQUALS = definition.EQUALS, _("equals")
        INCLUDES = definition.INCLUDES, _("includes")

    survey = models.ForeignKey(CharterSurvey, on_delete=models.CASCADE,
                               related_name="questions")
    code = models.CharField(
        _("code"), max_length=definition.MAX_CODE_LENGTH,
        help_text=_("Stays the same from year to year, so that the answers of every year can "
                    "be compared. Letters, digits, _ . and -, starting with a letter."))
    position = models.PositiveIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("question"))
    hint = models.TextField(_("hint"), blank=True)
    section = models.CharField(_("section"), max_length=200, blank=True)
    required = models.BooleanField(_("required"), default=False)
    minimum = models.DecimalField(_("lowest answer"), max_digits=19, decimal_places=4,
                                  null=True, blank=True)
    maximum = models.DecimalField(_("highest answer"), max_digits=19, decimal_places=4,
                                  null=True, blank=True)
    whole_number = models.BooleanField(_("whole numbers only"), default=False)
    low_label = models.CharField(_("label of the lowest point"), max_length=200, blank=True)
    high_label = models.CharField(_("label of the highest point"), max_length=200, blank=True)
    choice_list = models.CharField(_("choice list"), max_length=definition.MAX_CODE_LENGTH,
                                   blank=True)
    condition_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.RESTRICT,
                                     related_name="dependants",
                                     verbose_name=_("shown only when the answer to"))
    condition_operator = models.CharField(_("condition"), max_length=10, blank=True,
                                          choices=Operator.choices)
    condition_value = models.CharField(_("condition value"), max_length=200, blank=True)
    indicator = models.ForeignKey("benchmarks.Indicator", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    key_factor = models.ForeignKey("benchmarks.KeyFactor", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    source = models.CharField(_("made from"), max_length=200, blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="survey_question_code"),
        ]

    def __str__(self) -> str:
        return self.code


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.CharField(_("value"), max_length=definition.MAX_CODE_LENGTH)
    label = models.CharField(_("label"), max_length=500)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="survey_choice_value"),
        ]

    def __str__(self) -> str:
        return self.label


class CityResponse(models.Model):
    """One signatory city's answers to one year's survey. Several officers may save drafts;
    one submits. The personal link's token is kept only as its SHA-256 digest."""

    survey = models.ForeignKey(CharterSurvey, on_delete=models.CASCADE,
                               related_name="responses")
    city = models.ForeignKey("network.City", on_delete=models.PROTECT, related_name="+")
    token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                    editable=False)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    invited_email = models.EmailField(_("invitation sent to"), blank=True)
    last_reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    saved_at = models.DateTimeField(_("last saved at"), null=True, blank=True)
    saved_by_name = models.CharField(_("last saved by"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by_name = models.CharField(_("submitted by"), max_length=200, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("city's response")
        verbose_name_plural = _("cities' responses")
        ordering = ["survey", "city__name"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "city"], name="survey_city_response"),
        ]

    def __str__(self) -> str:
        return f"{self.city} – {self.survey.year}"

    @property
    def status(self) -> str:
        if self.submitted_at:
            return "submitted"
        if self.saved_at:
            return "draft"
        return "invited" if self.invited_at else "not_invited"


class Answer(models.Model):
    response = models.ForeignKey(CityResponse, on_delete=models.CASCADE,
                                 related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.JSONField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer"),
        ]

    def __str__(self) -> str:
        return f"{self.response} {self.question.code}"
