"""The evidence bank and the assessment (step 6 of the method) as plain Python.

Evidence items and their reference form (``evidence``), the proposal per indicator:
corroboration, colour, recommendation (``proposal``), review bundles read without the
server (``bundle``), the ``citypeer assess`` command (``cli``) and the REFI-QDA export
(``refi_qda``). The rules are written out in docs/assessment-rules.md.
"""

from citypeer.assessment.method.bundle import (
    ReviewBundle,
    ReviewBundleError,
    benchmark_from_file,
    bundle_from_dict,
    load_bundle,
    shipped_benchmark,
    validate_bundle,
)
from citypeer.assessment.method.evidence import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
    join_initials,
    reference,
    references,
    source_label,
)
from citypeer.assessment.method.proposal import (
    DEFAULT_MIN_CORROBORATING_INTERVIEWS,
    AssessmentMatrix,
    Colour,
    Corroboration,
    CrossCheck,
    MatrixCell,
    Proposal,
    assess,
    assessable_codes,
    colour_matrix,
    propose,
)

__all__ = [
    "DEFAULT_MIN_CORROBORATING_INTERVIEWS",
    "AssessmentMatrix",
    "Colour",
    "Corroboration",
    "CrossCheck",
    "Direction",
    "EvidenceInput",
    "EvidenceKind",
    "InterviewInput",
    "MatrixCell",
    "Proposal",
    "ReviewBundle",
    "ReviewBundleError",
    "Source",
    "assess",
    "assessable_codes",
    "benchmark_from_file",
    "bundle_from_dict",
    "colour_matrix",
    "join_initials",
    "load_bundle",
    "propose",
    "reference",
    "references",
    "shipped_benchmark",
    "source_label",
    "validate_bundle",
]
